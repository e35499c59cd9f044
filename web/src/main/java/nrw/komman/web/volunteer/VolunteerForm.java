package nrw.komman.web.volunteer;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.ConsentRecord;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.RegisterVolunteerCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerRules;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The register-a-volunteer form as the browser sends it. The checks here are only those a form needs
 * to say something helpful next to each field at once; the shared kernel and the command side check
 * everything again (their refusals are put on the form by {@code FormErrors}).
 */
public class VolunteerForm {

    public static final String DEFAULT_CONSENT_DOCUMENT = "Einwilligung Datenverarbeitung Ehrenamtskoordination";
    public static final String DEFAULT_CONSENT_VERSION = "2024-01";
    public static final String DEFAULT_EMAIL_CONSENT_DOCUMENT = "Einwilligung Kontakt per E-Mail";
    public static final String DEFAULT_EMAIL_CONSENT_VERSION = "2026-01";

    @NotBlank(message = "{ui.volunteer.name.required}")
    @Size(max = 200, message = "{ui.too-long}")
    private String name;

    @Email(regexp = "^$|[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}", message = "{ui.volunteer.email.invalid}")
    @Size(max = 254, message = "{ui.too-long}")
    private String email;

    @Size(max = 30, message = "{ui.too-long}")
    private String phone;

    @Size(max = 500, message = "{ui.too-long}")
    private String availability;

    private Set<String> languages = new TreeSet<>();

    @Size(max = 200, message = "{ui.too-long}")
    private String otherLanguages;

    private Set<ActivityCategory> interests = new LinkedHashSet<>();

    @AssertTrue(message = "{ui.volunteer.consent.required}")
    private boolean consentGiven;

    @NotBlank(message = "{ui.volunteer.consentDocument.required}")
    @Size(max = 200, message = "{ui.too-long}")
    private String consentDocument = DEFAULT_CONSENT_DOCUMENT;

    @NotBlank(message = "{ui.volunteer.consentVersion.required}")
    @Size(max = 40, message = "{ui.too-long}")
    private String consentVersion = DEFAULT_CONSENT_VERSION;

    @NotNull(message = "{ui.volunteer.consentDate.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate consentDate;

    /** Optional (issue 19): without it the platform sends the person no e-mail. Its fields count only when ticked. */
    private boolean emailConsentGiven;

    @Size(max = 200, message = "{ui.too-long}")
    private String emailConsentDocument = DEFAULT_EMAIL_CONSENT_DOCUMENT;

    @Size(max = 40, message = "{ui.too-long}")
    private String emailConsentVersion = DEFAULT_EMAIL_CONSENT_VERSION;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate emailConsentDate;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate registeredOn;

    /** "Trotzdem registrieren": the coordinator saw the possible duplicates and registers all the same. */
    private boolean despiteDuplicates;

    /** Languages ticked plus those typed by name ("Dari, Amharisch"), as the codes the kernel checks. */
    public Set<String> allLanguages() {
        return LanguageInput.codes(languages, otherLanguages);
    }

    /**
     * When the consent was given: the form asks for the day only, recorded as the day's start in NRW (never a
     * time of day nobody entered; the pages show the day only). Null when no date was given or it did not parse.
     */
    public Instant consentGivenAt(ZoneId zone) {
        return consentDate == null ? null : consentDate.atStartOfDay(zone).toInstant();
    }

    /**
     * The kernel's stateless checks of this input, run by the form next to the field checks so that one answer
     * names every problem (ADR 29); the command side checks them again.
     */
    public Runnable[] inputChecks(Instant now, LocalDate today, ZoneId zone) {
        return new Runnable[]{
                () -> VolunteerRules.checkContact(email, phone),
                () -> VolunteerRules.checkEmail(email),
                () -> VolunteerRules.checkPhone(phone),
                () -> LanguageInput.check(languages, otherLanguages),
                () -> VolunteerRules.checkConsentGiven(consentGivenAt(zone), now),
                () -> VolunteerRules.checkRegisteredOn(registeredOn, today),
                () -> EmailConsentForm.requireText(emailConsentGiven, emailConsentDocument, "document"),
                () -> EmailConsentForm.requireText(emailConsentGiven, emailConsentVersion, "version"),
                () -> EmailConsentForm.checkDate(emailConsentGiven, emailConsentDate, consentDate, today)};
    }

    /** The consent to e-mail when ticked, as the day's start in NRW like the other consent; null when not ticked. */
    ConsentRecord emailConsent(ZoneId zone) {
        return emailConsentGiven ? new ConsentRecord(emailConsentDocument, emailConsentVersion,
                emailConsentDate == null ? null : emailConsentDate.atStartOfDay(zone).toInstant()) : null;
    }

    /** The command; the kernel's records check the personal data while it is built. */
    public RegisterVolunteerCommand toCommand(VolunteerId id, CentreId centre, ZoneId zone) {
        PersonalData data = new PersonalData(name, blankToNull(email), blankToNull(phone), availability, allLanguages(),
                interests == null ? Set.of() : interests);
        return new RegisterVolunteerCommand(id, centre, data, new ConsentRecord(consentDocument, consentVersion,
                consentGivenAt(zone)), registeredOn, emailConsent(zone));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getAvailability() { return availability; }
    public void setAvailability(String availability) { this.availability = availability; }
    public Set<String> getLanguages() { return languages; }
    public void setLanguages(Set<String> languages) { this.languages = languages; }
    public String getOtherLanguages() { return otherLanguages; }
    public void setOtherLanguages(String otherLanguages) { this.otherLanguages = otherLanguages; }
    public Set<ActivityCategory> getInterests() { return interests; }
    public void setInterests(Set<ActivityCategory> interests) { this.interests = interests; }
    public boolean isConsentGiven() { return consentGiven; }
    public void setConsentGiven(boolean consentGiven) { this.consentGiven = consentGiven; }
    public String getConsentDocument() { return consentDocument; }
    public void setConsentDocument(String consentDocument) { this.consentDocument = consentDocument; }
    public String getConsentVersion() { return consentVersion; }
    public void setConsentVersion(String consentVersion) { this.consentVersion = consentVersion; }
    public LocalDate getConsentDate() { return consentDate; }
    public void setConsentDate(LocalDate consentDate) { this.consentDate = consentDate; }
    public boolean isEmailConsentGiven() { return emailConsentGiven; }
    public void setEmailConsentGiven(boolean emailConsentGiven) { this.emailConsentGiven = emailConsentGiven; }
    public String getEmailConsentDocument() { return emailConsentDocument; }
    public void setEmailConsentDocument(String emailConsentDocument) { this.emailConsentDocument = emailConsentDocument; }
    public String getEmailConsentVersion() { return emailConsentVersion; }
    public void setEmailConsentVersion(String emailConsentVersion) { this.emailConsentVersion = emailConsentVersion; }
    public LocalDate getEmailConsentDate() { return emailConsentDate; }
    public void setEmailConsentDate(LocalDate emailConsentDate) { this.emailConsentDate = emailConsentDate; }
    public LocalDate getRegisteredOn() { return registeredOn; }
    public void setRegisteredOn(LocalDate registeredOn) { this.registeredOn = registeredOn; }
    public boolean isDespiteDuplicates() { return despiteDuplicates; }
    public void setDespiteDuplicates(boolean despiteDuplicates) { this.despiteDuplicates = despiteDuplicates; }
}
