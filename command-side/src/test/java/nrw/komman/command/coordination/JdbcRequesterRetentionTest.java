package nrw.komman.command.coordination;

import nrw.komman.command.privacy.EndedHelpRequests.EndedHelpRequest;
import nrw.komman.command.testing.TestBookings;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.coordination.HelpRequestId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The register of ended requests on a real database (the migration V40 and the SQL). */
class JdbcRequesterRetentionTest {

    private static final CentreId VIERSEN = new CentreId("05166");

    private final JdbcRequesterRetention register = new JdbcRequesterRetention(new TestBookings().jdbc());

    @Test
    void ended_requests_are_due_on_and_after_their_cutoff_oldest_first_until_erased() {
        HelpRequestId older = HelpRequestId.random();
        HelpRequestId newer = HelpRequestId.random();
        HelpRequestId notYet = HelpRequestId.random();
        register.ended(newer, VIERSEN, LocalDate.of(2026, 5, 25));
        register.ended(older, VIERSEN, LocalDate.of(2026, 1, 2));
        register.ended(notYet, VIERSEN, LocalDate.of(2026, 5, 26));

        assertThat(register.endedOnOrBefore(LocalDate.of(2026, 5, 25))).containsExactly(
                new EndedHelpRequest(older, VIERSEN, LocalDate.of(2026, 1, 2)),
                new EndedHelpRequest(newer, VIERSEN, LocalDate.of(2026, 5, 25)));

        register.erased(older);
        register.ended(newer, VIERSEN, LocalDate.of(2026, 6, 1)); // recorded again: the later day counts
        assertThat(register.endedOnOrBefore(LocalDate.of(2026, 5, 31))).extracting(EndedHelpRequest::requestId).containsExactly(notYet);
    }
}
