package nrw.komman.query.centre;

import nrw.komman.kernel.centre.CentreClosedEvent;
import nrw.komman.kernel.centre.CentreClosureProposedEvent;
import nrw.komman.kernel.centre.CentreClosureWithdrawnEvent;
import nrw.komman.kernel.centre.ClosureProposal;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.FindCentreQuery;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.query.support.ReadSide;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CentreProjectionTest {

    private static final Actor SECOND_MINISTRY = Actor.of("ministerium.leitung", nrw.komman.kernel.common.AccountRole.MINISTRY);

    private final ReadSide readSide = new ReadSide();

    @Test
    void established_centres_are_listed_by_key_with_name_type_region_and_date() {
        readSide.establishSomeCentres();
        readSide.establish(AACHEN, "Stadt Aachen", "Gemeinde", LocalDate.of(2014, 2, 1));

        List<CentreView> centres = readSide.centres.handle(new FindCentresQuery(), as(COORDINATOR_KOELN));

        assertThat(centres).extracting(c -> c.centreId().value())
                .containsExactly("05111", "05166", "05315", "05334002");
        assertThat(centres.get(1)).isEqualTo(new CentreView(VIERSEN, "Kreis Viersen", "Kreis",
                Regierungsbezirk.DUESSELDORF, true, LocalDate.of(2019, 3, 1), null));
        assertThat(centres.get(3).regierungsbezirk()).isEqualTo(Regierungsbezirk.KOELN);
    }

    @Test
    void a_closed_centre_is_still_listed_with_its_closing_date_but_no_longer_established() {
        readSide.establishSomeCentres();
        readSide.publish(new CentreClosedEvent(VIERSEN, LocalDate.of(2024, 12, 31), "Zusammenlegung"), MINISTRY);

        CentreView viersen = readSide.centres.handle(new FindCentreQuery(VIERSEN), as(AUDITOR));

        assertThat(viersen.established()).isFalse();
        assertThat(viersen.closedOn()).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    @Test
    void a_proposal_to_close_shows_as_pending_and_the_centre_stays_open_until_confirmed() {
        readSide.establishSomeCentres();
        readSide.publish(new CentreClosureProposedEvent(VIERSEN, LocalDate.of(2026, 12, 31), "Zusammenlegung"), MINISTRY);

        CentreView proposed = readSide.centres.handle(new FindCentreQuery(VIERSEN), as(COORDINATOR_KOELN));
        assertThat(proposed.established()).isTrue();
        assertThat(proposed.closedOn()).isNull();
        assertThat(proposed.pendingClosure())
                .isEqualTo(new ClosureProposal(LocalDate.of(2026, 12, 31), "Zusammenlegung", "ministerium"));

        readSide.publish(new CentreClosedEvent(VIERSEN, LocalDate.of(2026, 12, 31), "Zusammenlegung"), SECOND_MINISTRY);
        CentreView closed = readSide.centres.handle(new FindCentreQuery(VIERSEN), as(AUDITOR));
        assertThat(closed.established()).isFalse();
        assertThat(closed.pendingClosure()).isNull();
    }

    @Test
    void a_withdrawn_proposal_is_no_longer_pending() {
        readSide.establishSomeCentres();
        readSide.publish(new CentreClosureProposedEvent(VIERSEN, LocalDate.of(2026, 12, 31), "Zusammenlegung"), MINISTRY);
        readSide.publish(new CentreClosureWithdrawnEvent(VIERSEN, LocalDate.of(2026, 12, 31), "abgesagt"), SECOND_MINISTRY);

        CentreView viersen = readSide.centres.handle(new FindCentreQuery(VIERSEN), as(MINISTRY));
        assertThat(viersen.pendingClosure()).isNull();
        assertThat(viersen.closedOn()).isNull();
    }

    @Test
    void every_authenticated_role_may_read_the_centres() {
        readSide.establishSomeCentres();
        for (Actor actor : List.of(COORDINATOR_KOELN, GRANT_OFFICER, MINISTRY, AUDITOR, ADMINISTRATOR, Actor.SYSTEM)) {
            assertThat(readSide.centres.handle(new FindCentresQuery(), as(actor))).hasSize(3);
            assertThat(readSide.centres.handle(new FindCentreQuery(KOELN), as(actor)).name()).isEqualTo("Stadt Köln");
        }
    }

    @Test
    void a_query_without_an_actor_is_refused() {
        readSide.establishSomeCentres();
        assertThatThrownBy(() -> readSide.centres.handle(new FindCentresQuery(), MetaData.emptyInstance()))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void an_unknown_centre_is_not_found() {
        readSide.establishSomeCentres();
        assertThatThrownBy(() -> readSide.centres.handle(new FindCentreQuery(new CentreId("05999")), as(MINISTRY)))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("05999");
    }
}
