package nrw.komman.query.coordination;

import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.AssignmentView;
import nrw.komman.kernel.coordination.Availability;
import nrw.komman.kernel.coordination.CertificateId;
import nrw.komman.kernel.coordination.CertificateLine;
import nrw.komman.kernel.coordination.CertificateVerification;
import nrw.komman.kernel.coordination.DayPart;
import nrw.komman.kernel.coordination.FetchVolunteerLinkStatusQuery;
import nrw.komman.kernel.coordination.FetchVolunteerOwnPageQuery;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.ResolveVolunteerLinkQuery;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.coordination.VerifyCertificateQuery;
import nrw.komman.kernel.coordination.VolunteerLinkId;
import nrw.komman.kernel.coordination.VolunteerOwnPage;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.support.ReadSide;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static nrw.komman.kernel.activity.ActivityCategory.ACCOMPANIMENT;
import static nrw.komman.kernel.activity.ActivityCategory.INTERPRETING;
import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The personal link, the volunteer's own page and the certificates (today is 15 June 2025 in {@link ReadSide#CLOCK}). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VolunteerLinkQueriesTest {

    private static final String FIRST = "1".repeat(64);
    private static final String SECOND = "2".repeat(64);

    private final ReadSide readSide = new ReadSide();
    private VolunteerId amira;

    @BeforeEach
    void given_amira_in_koeln() {
        readSide.establishSomeCentres();
        amira = readSide.register(KOELN, "Amira Haddad", "amira@example.org", Set.of("fa"), Set.of(), LocalDate.of(2024, 1, 1));
    }

    private VolunteerId resolve(String hash) {
        return readSide.links.handle(new ResolveVolunteerLinkQuery(hash), as(Actor.PERSONAL_LINK)).volunteerId();
    }

    private void assertDead(String hash) {
        assertThatThrownBy(() -> resolve(hash)).isInstanceOf(NotFoundException.class)
                .hasMessage("Dieser Link ist ungültig oder abgelaufen.")
                .satisfies(e -> assertThat(((NotFoundException) e).code()).isEqualTo("link.unknown"));
    }

    @Test
    void a_link_resolves_to_its_volunteer_and_a_new_one_replaces_it() {
        readSide.issueLink(amira, KOELN, FIRST, LocalDate.of(2025, 12, 31));
        assertThat(resolve(FIRST)).isEqualTo(amira);
        VolunteerLinkId second = readSide.issueLink(amira, KOELN, SECOND, LocalDate.of(2025, 12, 31));
        assertDead(FIRST);
        assertThat(resolve(SECOND)).isEqualTo(amira);
        assertThat(readSide.links.handle(new FetchVolunteerLinkStatusQuery(amira), as(COORDINATOR_KOELN)).linkId()).isEqualTo(second);
        assertDead("f".repeat(64));
    }

    @Test
    void a_revoked_link_stops_and_the_status_says_there_is_none() {
        VolunteerLinkId link = readSide.issueLink(amira, KOELN, FIRST, LocalDate.of(2025, 12, 31));
        readSide.revokeLink(amira, KOELN, link);
        assertDead(FIRST);
        assertThat(readSide.links.handle(new FetchVolunteerLinkStatusQuery(amira), as(COORDINATOR_KOELN)).linkId()).isNull();
    }

    @Test
    void a_link_works_through_its_last_day_and_not_after() {
        readSide.issueLink(amira, KOELN, FIRST, LocalDate.of(2025, 6, 15));
        assertThat(resolve(FIRST)).isEqualTo(amira);
        readSide.issueLink(amira, KOELN, SECOND, LocalDate.of(2025, 6, 14));
        assertDead(SECOND);
    }

    @Test
    void deactivation_stops_the_link_also_after_a_reactivation() {
        readSide.issueLink(amira, KOELN, FIRST, LocalDate.of(2025, 12, 31));
        readSide.deactivate(amira, KOELN);
        assertDead(FIRST);
        readSide.publish(new nrw.komman.kernel.volunteer.VolunteerReactivatedEvent(amira, KOELN, LocalDate.of(2025, 6, 1)), COORDINATOR_KOELN);
        assertDead(FIRST);
    }

    @Test
    void erasure_stops_the_link_and_the_certificate_can_no_longer_be_confirmed() {
        readSide.issueLink(amira, KOELN, FIRST, LocalDate.of(2025, 12, 31));
        CertificateId certificate = readSide.issueCertificate(amira, KOELN, LocalDate.of(2025, 6, 1),
                List.of(new CertificateLine(2025, ACCOMPANIMENT, 120)));
        CertificateVerification before = readSide.links.handle(new VerifyCertificateQuery(certificate), as(Actor.PERSONAL_LINK));
        assertThat(before.valid()).isTrue();
        assertThat(before.volunteerName()).isEqualTo("Amira Haddad");
        assertThat(before.centreName()).isEqualTo("Stadt Köln");
        assertThat(before.lines()).containsExactly(new CertificateLine(2025, ACCOMPANIMENT, 120));
        readSide.erase(amira, KOELN, LocalDate.of(2025, 6, 10));
        assertDead(FIRST);
        CertificateVerification after = readSide.links.handle(new VerifyCertificateQuery(certificate), as(Actor.PERSONAL_LINK));
        assertThat(after.valid()).isFalse();
        assertThat(after.volunteerName()).isNull();
    }

    @Test
    void the_own_page_has_name_centre_availability_upcoming_assignments_and_hours_without_withdrawn_ones() {
        Availability availability = new Availability(Set.of(new Availability.Slot(DayOfWeek.TUESDAY, DayPart.MORNING)),
                List.of(new Availability.Absence(LocalDate.of(2025, 8, 1), LocalDate.of(2025, 8, 15))));
        readSide.updateAvailability(amira, KOELN, availability);
        readSide.log(amira, KOELN, LocalDate.of(2024, 11, 3), 120, INTERPRETING, null);
        readSide.log(amira, KOELN, LocalDate.of(2025, 2, 1), 60, ACCOMPANIMENT, null);
        readSide.log(amira, KOELN, LocalDate.of(2025, 3, 1), 30, ACCOMPANIMENT, null);
        readSide.withdraw(readSide.log(amira, KOELN, LocalDate.of(2025, 4, 1), 45, ACCOMPANIMENT, null), amira, KOELN);
        Schedule july = Schedule.once(LocalDate.of(2025, 7, 1), LocalTime.of(9, 0), LocalTime.of(11, 0));
        HelpRequestId request = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), july, 1, "Familie K.", "Ausländerbehörde");
        AssignmentId asked = readSide.ask(request, amira, KOELN, july);
        Schedule may = Schedule.once(LocalDate.of(2025, 5, 1), LocalTime.of(9, 0), LocalTime.of(11, 0));
        HelpRequestId past = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), may, 1, "Frau S.", "Arzt");
        readSide.ask(past, amira, KOELN, may);

        VolunteerOwnPage page = readSide.links.handle(new FetchVolunteerOwnPageQuery(amira), as(Actor.volunteer(amira.value(), KOELN)));
        assertThat(page.name()).isEqualTo("Amira Haddad");
        assertThat(page.centreName()).isEqualTo("Stadt Köln");
        assertThat(page.availability()).isEqualTo(availability);
        assertThat(page.upcoming()).extracting(AssignmentView::assignmentId).containsExactly(asked);
        assertThat(page.upcoming().get(0).place()).isNull(); // not yet confirmed
        assertThat(page.totals()).containsExactly(new CertificateLine(2025, ACCOMPANIMENT, 90),
                new CertificateLine(2024, INTERPRETING, 120));
    }

    @Test
    void the_own_page_of_a_deactivated_volunteer_is_not_found() {
        readSide.deactivate(amira, KOELN);
        assertThatThrownBy(() -> readSide.links.handle(new FetchVolunteerOwnPageQuery(amira), as(Actor.volunteer(amira.value(), KOELN))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void availability_is_held_only_as_ciphertext_and_goes_with_the_erasure() {
        readSide.updateAvailability(amira, KOELN, new Availability(Set.of(new Availability.Slot(DayOfWeek.TUESDAY, DayPart.MORNING)), List.of()));
        assertThat(readSide.jdbc.getJdbcOperations().queryForList("select * from volunteer_availability").toString())
                .doesNotContain("TUESDAY", "MORNING");
        readSide.erase(amira, KOELN, LocalDate.of(2025, 6, 10));
        assertThat(readSide.rows("volunteer_availability")).isZero();
    }
}
