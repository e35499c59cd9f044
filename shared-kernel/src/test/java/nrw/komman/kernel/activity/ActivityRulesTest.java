package nrw.komman.kernel.activity;

import nrw.komman.kernel.common.DomainException;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    private static final LocalDate REGISTERED = LocalDate.of(2026, 3, 1);

    @Test
    void a_duration_is_more_than_zero_and_at_most_24_hours() {
        assertThatCode(() -> ActivityRules.checkDuration(1)).doesNotThrowAnyException();
        assertThatCode(() -> ActivityRules.checkDuration(1440)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ActivityRules.checkDuration(0)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("activity.duration.not-positive");
        assertThatThrownBy(() -> ActivityRules.checkDuration(1441)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("activity.duration.too-long");
    }

    @Test
    void a_date_is_not_in_the_future() {
        assertThatCode(() -> ActivityRules.checkDate(TODAY, TODAY, REGISTERED)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ActivityRules.checkDate(TODAY.plusDays(1), TODAY, REGISTERED))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("activity.future-date");
    }

    @Test
    void a_date_is_not_before_the_registration_when_it_is_known() {
        assertThatCode(() -> ActivityRules.checkDate(REGISTERED, TODAY, REGISTERED)).doesNotThrowAnyException();
        assertThatThrownBy(() -> ActivityRules.checkDate(REGISTERED.minusDays(1), TODAY, REGISTERED))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("activity.before-registration");
        assertThatCode(() -> ActivityRules.checkDate(REGISTERED.minusDays(1), TODAY, null)).doesNotThrowAnyException();
    }
}
