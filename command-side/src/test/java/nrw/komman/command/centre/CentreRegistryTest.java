package nrw.komman.command.centre;

import nrw.komman.command.testing.FakeCentreRegistry;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CentreRegistryTest {

    private static final CentreId VIERSEN = new CentreId("05166");
    private static final LocalDate ESTABLISHED = LocalDate.of(2019, 4, 1);
    private static final LocalDate CLOSED = LocalDate.of(2026, 6, 30);

    @Test
    void an_unknown_centre_is_not_open() {
        assertThatThrownBy(() -> new FakeCentreRegistry().requireOpenOn(VIERSEN, ESTABLISHED))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("centre.not-established"));
    }

    @Test
    void a_centre_is_not_open_before_it_is_established() {
        CentreRegistry centres = new FakeCentreRegistry().established(VIERSEN, ESTABLISHED);
        assertThatThrownBy(() -> centres.requireOpenOn(VIERSEN, ESTABLISHED.minusDays(1)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("centre.not-yet-established"));
        assertThat(centres.requireOpenOn(VIERSEN, ESTABLISHED).establishedOn()).isEqualTo(ESTABLISHED);
    }

    @Test
    void a_closed_centre_is_not_open_from_the_day_it_closed() {
        CentreRegistry centres = new FakeCentreRegistry().closed(VIERSEN, ESTABLISHED, CLOSED);
        assertThat(centres.requireOpenOn(VIERSEN, CLOSED.minusDays(1)).closedOn()).isEqualTo(CLOSED);
        assertThatThrownBy(() -> centres.requireOpenOn(VIERSEN, CLOSED))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("centre.closed"));
    }
}
