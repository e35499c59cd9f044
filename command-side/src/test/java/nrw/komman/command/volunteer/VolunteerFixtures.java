package nrw.komman.command.volunteer;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.volunteer.AesGcmPersonalDataVault;
import nrw.komman.kernel.volunteer.ConsentRecord;
import nrw.komman.kernel.volunteer.SealedConsent;
import nrw.komman.kernel.volunteer.InMemoryKeyRing;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerRegisteredEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** The people and facts the volunteer tests share. */
final class VolunteerFixtures {

    static final CentreId VIERSEN = new CentreId("05166");
    static final CentreId KOELN = new CentreId("05315");
    static final LocalDate CENTRE_ESTABLISHED = LocalDate.of(2019, 4, 1);
    static final LocalDate REGISTERED_ON = LocalDate.of(2026, 3, 2);

    static final VolunteerId AMIRA = new VolunteerId(UUID.fromString("0b6f7c1e-1111-4000-8000-000000000001"));
    static final VolunteerId JONAS = new VolunteerId(UUID.fromString("0b6f7c1e-2222-4000-8000-000000000002"));

    static final Actor COORDINATOR = Actor.coordinator("k.yilmaz", VIERSEN);
    static final Actor OTHER_COORDINATOR = Actor.coordinator("a.becker", KOELN);

    static final Set<String> LANGUAGES = Set.of("ar", "de", "fr");
    static final Set<ActivityCategory> INTERESTS = Set.of(ActivityCategory.LANGUAGE_SUPPORT, ActivityCategory.ACCOMPANIMENT);
    static final PersonalData AMIRA_DATA = new PersonalData("Amira Haddad", "Amira.Haddad@example.org",
            "+49 2162 123456", "dienstags und donnerstags nachmittags", LANGUAGES, INTERESTS);
    static final ConsentRecord CONSENT = new ConsentRecord("Einwilligung Datenverarbeitung Ehrenamtskoordination",
            "2024-01", Instant.parse("2026-03-02T10:15:00Z"));

    private VolunteerFixtures() {
    }

    static PersonalDataVault newVault() {
        return new AesGcmPersonalDataVault(new InMemoryKeyRing());
    }

    static VolunteerRegisteredEvent amiraRegistered(PersonalDataVault vault) {
        return new VolunteerRegisteredEvent(AMIRA, VIERSEN, vault.seal(AMIRA, AMIRA_DATA),
                SealedConsent.of(AMIRA, CONSENT, vault), REGISTERED_ON);
    }
}
