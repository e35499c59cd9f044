package nrw.komman.web.volunteer;

import jakarta.validation.constraints.Size;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.volunteer.ConsentRecord;
import nrw.komman.kernel.volunteer.GiveEmailConsentCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The consent to be contacted by e-mail as the volunteer's page records it later (issue 19): which declaration, its
 * version and the day it was signed, the same fields as the consent to data processing. The day is never pre-filled:
 * it is read off the signed paper (ADR 29). The checks here also serve the registration form, where the consent is
 * optional and its fields count only when it is ticked.
 */
public class EmailConsentForm {

    @Size(max = 200, message = "{ui.too-long}")
    private String document = VolunteerForm.DEFAULT_EMAIL_CONSENT_DOCUMENT;

    @Size(max = 40, message = "{ui.too-long}")
    private String version = VolunteerForm.DEFAULT_EMAIL_CONSENT_VERSION;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate date;

    /** Every problem of the input at once (ADR 29); the command side checks them again. */
    Runnable[] inputChecks(LocalDate dataConsentDay, LocalDate today) {
        return new Runnable[]{
                () -> requireText(true, document, "document"),
                () -> requireText(true, version, "version"),
                () -> checkDate(true, date, dataConsentDay, today)};
    }

    GiveEmailConsentCommand toCommand(VolunteerId volunteer, ZoneId zone) {
        return new GiveEmailConsentCommand(volunteer, new ConsentRecord(document, version, date.atStartOfDay(zone).toInstant()));
    }

    /** A declaration and a version are needed when the consent is given. */
    static void requireText(boolean given, String value, String field) {
        if (given && (value == null || value.isBlank())) {
            throw "document".equals(field)
                    ? new InvalidInputException("email-consent.document.required",
                    "Bitte geben Sie die Erklärung zum Kontakt per E-Mail an.")
                    : new InvalidInputException("email-consent.version.required",
                    "Bitte geben Sie die Fassung der Erklärung zum Kontakt per E-Mail an.");
        }
    }

    /** The day it was signed: given, not in the future, not before the consent to data processing. */
    static void checkDate(boolean given, LocalDate day, LocalDate dataConsentDay, LocalDate today) {
        if (!given) {
            return;
        }
        if (day == null) {
            throw new InvalidInputException("email-consent.givenAt.required",
                    "Bitte geben Sie an, wann die Einwilligung in den Kontakt per E-Mail unterschrieben wurde.");
        }
        if (day.isAfter(today)) {
            throw new InvalidInputException("email-consent.givenAt.future",
                    "Die Einwilligung in den Kontakt per E-Mail kann nicht in der Zukunft unterschrieben sein.");
        }
        if (dataConsentDay != null && day.isBefore(dataConsentDay)) {
            throw new InvalidInputException("email-consent.givenAt.before-consent",
                    "Die Einwilligung in den Kontakt per E-Mail kann nicht vor der Einwilligung in die Datenverarbeitung ("
                            + nrw.komman.kernel.common.Nrw.date(dataConsentDay) + ") liegen.");
        }
    }

    public String getDocument() { return document; }
    public void setDocument(String document) { this.document = document; }
    public String getVersion() { return version; }
    public void setVersion(String version) { this.version = version; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
}
