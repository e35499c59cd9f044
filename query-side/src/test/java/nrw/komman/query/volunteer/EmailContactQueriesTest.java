package nrw.komman.query.volunteer;

import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.coordination.FetchVolunteerLinkStatusQuery;
import nrw.komman.kernel.coordination.LinkChannel;
import nrw.komman.kernel.coordination.ResolveVolunteerLinkQuery;
import nrw.komman.kernel.coordination.VolunteerLinkId;
import nrw.komman.kernel.coordination.VolunteerLinkIssuedEvent;
import nrw.komman.kernel.privacy.FetchVolunteerDataExportQuery;
import nrw.komman.kernel.privacy.VolunteerDataExport;
import nrw.komman.kernel.volunteer.ConsentRecord;
import nrw.komman.kernel.volunteer.EmailConsentGivenEvent;
import nrw.komman.kernel.volunteer.EmailConsentStatus;
import nrw.komman.kernel.volunteer.EmailConsentWithdrawnEvent;
import nrw.komman.kernel.volunteer.FetchEmailConsentQuery;
import nrw.komman.kernel.volunteer.FetchVolunteerEmailContactQuery;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.SealedConsent;
import nrw.komman.kernel.volunteer.VolunteerEmailContact;
import nrw.komman.kernel.volunteer.VolunteerEmailContact.NotEmailed;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.support.ReadSide;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static nrw.komman.query.support.ReadSide.COORDINATOR_DUESSELDORF;
import static nrw.komman.query.support.ReadSide.COORDINATOR_KOELN;
import static nrw.komman.query.support.ReadSide.KOELN;
import static nrw.komman.query.support.ReadSide.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The consent to e-mail as the read side keeps it (issue 19, ADR 38): its record for the coordinators and the
 * volunteer, whether and where the platform may e-mail the volunteer, the two links per channel, and the consent in
 * the access export.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EmailContactQueriesTest {

    private static final Instant GIVEN = Instant.parse("2025-01-10T23:00:00Z");
    private static final String HANDED = "1".repeat(64);
    private static final String EMAILED = "2".repeat(64);

    private final ReadSide readSide = new ReadSide();
    private final EmailContactQueries contacts = new EmailContactQueries(readSide.jdbc, readSide.vault);
    private VolunteerId amira;

    @BeforeEach
    void given_amira_in_koeln() {
        readSide.establishSomeCentres();
        amira = readSide.register(KOELN, "Amira Haddad", "amira@example.org", Set.of("fa"), Set.of(), LocalDate.of(2024, 1, 1));
    }

    private void give(String version, Instant at) {
        readSide.publish(new EmailConsentGivenEvent(amira, KOELN, SealedConsent.of(amira,
                new ConsentRecord("Einwilligung Kontakt per E-Mail", version, at), readSide.vault)), COORDINATOR_KOELN);
    }

    private void withdraw(Instant at) {
        readSide.publish(new EmailConsentWithdrawnEvent(amira, KOELN, at), COORDINATOR_KOELN);
    }

    private VolunteerEmailContact contact() {
        return contacts.handle(new FetchVolunteerEmailContactQuery(amira), as(Actor.SYSTEM));
    }

    private EmailConsentStatus status(Actor actor) {
        return contacts.handle(new FetchEmailConsentQuery(amira), as(actor));
    }

    @Test
    void without_consent_nobody_is_e_mailed_and_with_it_the_address_is_opened_for_the_platform() {
        assertThat(contact().mayEmail()).isFalse();
        assertThat(contact().notBecause()).isEqualTo(NotEmailed.NO_CONSENT);
        assertThat(status(COORDINATOR_KOELN)).isEqualTo(new EmailConsentStatus(amira, null, null, null));

        give("2026-01", GIVEN);
        assertThat(contact()).isEqualTo(new VolunteerEmailContact(amira, KOELN, "amira@example.org", null));
        assertThat(status(COORDINATOR_KOELN)).isEqualTo(new EmailConsentStatus(amira, "2026-01", GIVEN, null));
        assertThat(status(COORDINATOR_KOELN).current()).isTrue();
    }

    @Test
    void a_withdrawal_stops_e_mail_and_a_consent_given_again_starts_it() {
        give("2026-01", GIVEN);
        Instant withdrawn = Instant.parse("2025-03-01T10:00:00Z");
        withdraw(withdrawn);
        assertThat(contact().notBecause()).isEqualTo(NotEmailed.NO_CONSENT);
        assertThat(status(COORDINATOR_KOELN)).isEqualTo(new EmailConsentStatus(amira, "2026-01", GIVEN, withdrawn));
        assertThat(status(COORDINATOR_KOELN).current()).isFalse();

        Instant again = Instant.parse("2025-04-01T08:00:00Z");
        give("2026-02", again);
        assertThat(contact().mayEmail()).isTrue();
        assertThat(status(COORDINATOR_KOELN)).isEqualTo(new EmailConsentStatus(amira, "2026-02", again, null));
    }

    @Test
    void an_inactive_erased_or_addressless_volunteer_is_not_e_mailed_whatever_the_consent() {
        give("2026-01", GIVEN);
        readSide.updateProfile(amira, KOELN, new PersonalData("Amira Haddad", null, "0221 555 0101", null, Set.of("fa"), Set.of()));
        assertThat(contact().notBecause()).isEqualTo(NotEmailed.NO_ADDRESS);
        readSide.updateProfile(amira, KOELN, new PersonalData("Amira Haddad", "amira@example.org", null, null, Set.of("fa"), Set.of()));
        assertThat(contact().mayEmail()).isTrue();

        readSide.deactivate(amira, KOELN);
        assertThat(contact().notBecause()).isEqualTo(NotEmailed.INACTIVE);
        readSide.erase(amira, KOELN, LocalDate.of(2025, 6, 1));
        assertThat(contact()).isEqualTo(VolunteerEmailContact.not(amira, KOELN, NotEmailed.ERASED));
        assertThat(readSide.jdbc.getJdbcOperations().queryForObject(
                "select email_consent_document_sealed from volunteer_view where volunteer_id = ?", String.class, amira.toString()))
                .as("the document's ciphertext goes with the key").isNull();
    }

    @Test
    void only_the_platform_and_the_centre_s_coordinators_learn_the_address_and_the_volunteer_sees_only_their_own_consent() {
        give("2026-01", GIVEN);
        assertThat(contacts.handle(new FetchVolunteerEmailContactQuery(amira), as(COORDINATOR_KOELN)).mayEmail()).isTrue();
        assertThatThrownBy(() -> contacts.handle(new FetchVolunteerEmailContactQuery(amira), as(COORDINATOR_DUESSELDORF)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> contacts.handle(new FetchVolunteerEmailContactQuery(amira), as(Actor.volunteer(amira.value(), KOELN))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> status(COORDINATOR_DUESSELDORF)).isInstanceOf(ForbiddenException.class);

        assertThat(status(Actor.volunteer(amira.value(), KOELN)).current()).isTrue();
        VolunteerId other = VolunteerId.random();
        assertThatThrownBy(() -> status(Actor.volunteer(other.value(), KOELN))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> contacts.handle(new FetchEmailConsentQuery(VolunteerId.random()), as(COORDINATOR_KOELN)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_e_mailed_link_works_next_to_the_handed_over_one_and_ends_with_the_consent() {
        give("2026-01", GIVEN);
        VolunteerLinkId handed = readSide.issueLink(amira, KOELN, HANDED, LocalDate.of(2025, 12, 31));
        readSide.publish(new VolunteerLinkIssuedEvent(amira, KOELN, VolunteerLinkId.random(), EMAILED, LocalDate.of(2025, 12, 31),
                LinkChannel.EMAIL), Actor.SYSTEM);
        assertThat(resolve(HANDED)).isEqualTo(amira);
        assertThat(resolve(EMAILED)).isEqualTo(amira);
        assertThat(readSide.links.handle(new FetchVolunteerLinkStatusQuery(amira), as(COORDINATOR_KOELN)).linkId())
                .as("the coordinator sees the link they handed over").isEqualTo(handed);

        withdraw(Instant.parse("2025-03-01T10:00:00Z"));
        assertThatThrownBy(() -> resolve(EMAILED)).isInstanceOf(NotFoundException.class);
        assertThat(resolve(HANDED)).isEqualTo(amira);

        // the same after a rebuild from the events
        readSide.resetAndReplay();
        assertThatThrownBy(() -> resolve(EMAILED)).isInstanceOf(NotFoundException.class);
        assertThat(resolve(HANDED)).isEqualTo(amira);
        assertThat(status(COORDINATOR_KOELN).withdrawnAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
    }

    @Test
    void the_access_export_lists_the_consent_to_e_mail_after_the_consent_to_data_processing() {
        give("2026-01", GIVEN);
        withdraw(Instant.parse("2025-03-01T10:00:00Z"));
        VolunteerDataExport export = readSide.exports.handle(new FetchVolunteerDataExportQuery(amira), as(COORDINATOR_KOELN));
        assertThat(export.consents()).hasSize(2);
        assertThat(export.consents().get(1)).isEqualTo(new VolunteerDataExport.ConsentEntry("Einwilligung Kontakt per E-Mail",
                "2026-01", GIVEN, Instant.parse("2025-03-01T10:00:00Z")));
    }

    private VolunteerId resolve(String hash) {
        return readSide.links.handle(new ResolveVolunteerLinkQuery(hash), as(Actor.PERSONAL_LINK)).volunteerId();
    }
}
