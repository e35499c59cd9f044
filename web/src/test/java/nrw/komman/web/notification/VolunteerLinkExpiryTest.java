package nrw.komman.web.notification;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How long the link in a volunteer's e-mail works: two weeks after the assignment, and never less than 30 days. */
class VolunteerLinkExpiryTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);

    @Test
    void an_assignment_far_ahead_keeps_its_link_two_weeks_after_its_last_day() {
        assertThat(VolunteerNoticeFanOut.expiresOn(Map.of("firstDay", "2027-05-03", "lastDay", "2027-06-28"), TODAY))
                .isEqualTo(LocalDate.of(2027, 7, 12));
    }

    @Test
    void an_assignment_soon_still_gets_thirty_days() {
        assertThat(VolunteerNoticeFanOut.expiresOn(Map.of("firstDay", "2027-03-03", "lastDay", "2027-03-03"), TODAY))
                .isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(VolunteerNoticeFanOut.expiresOn(Map.of(), TODAY)).as("no day known").isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void a_reminder_counts_from_the_request_s_last_day_else_its_own_day() {
        assertThat(VolunteerNoticeFanOut.expiresOn(Map.of("day", "2027-04-20"), TODAY)).isEqualTo(LocalDate.of(2027, 5, 4));
        assertThat(VolunteerNoticeFanOut.expiresOn(Map.of("day", "2027-04-20", "lastDay", "2027-06-01"), TODAY))
                .isEqualTo(LocalDate.of(2027, 6, 15));
    }
}
