package nrw.komman.web.volunteer;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.FindVolunteersQuery;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerPage;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.web.platform.QueryDispatcher;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * A safeguard of the registration form (not a rule: two people may share a name): the active volunteers of the
 * centre with the same name, regardless of case and spaces, with what tells them apart. The API registers
 * without it; its clients see the roster themselves.
 */
@Component
class PossibleDuplicates {

    /** One volunteer of the same name, as the warning shows them: never the whole address or number. */
    record Twin(VolunteerId volunteerId, String name, LocalDate registeredOn, String maskedEmail, String phoneEnding) {
    }

    private final QueryDispatcher queries;

    PossibleDuplicates(QueryDispatcher queries) {
        this.queries = queries;
    }

    List<Twin> of(CentreId centre, String name) {
        String wanted = comparable(name);
        if (wanted.isEmpty()) {
            return List.of();
        }
        // the query searches a part of the name; its first word finds every spelling with other spaces or case. A
        // common first word ("Mohammad") can fill more than one page: read them all, a twin may be on the last.
        String firstWord = wanted.split(" ")[0];
        List<Twin> twins = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            VolunteerPage found = queries.one(new FindVolunteersQuery(centre, VolunteerStatus.ACTIVE, null, null, firstWord,
                    page, FindVolunteersQuery.MAX_SIZE), VolunteerPage.class, "centre.not-found",
                    "Das Integrationszentrum gibt es nicht.");
            found.items().stream()
                    .filter(v -> v.name() != null && comparable(v.name()).equals(wanted))
                    .map(PossibleDuplicates::twin)
                    .forEach(twins::add);
            if ((long) (page + 1) * FindVolunteersQuery.MAX_SIZE >= found.totalItems() || found.items().isEmpty()) {
                return twins;
            }
        }
    }

    /** "  Amina   HADDAD " and "amina haddad" are the same name. */
    static String comparable(String name) {
        if (name == null) {
            return "";
        }
        return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Twin twin(VolunteerView v) {
        return new Twin(v.volunteerId(), v.name(), v.registeredOn(), maskEmail(v.email()), phoneEnding(v.phone()));
    }

    /** "amina.haddad@example.org" → "a…@example.org": enough to tell two people apart, not to write to them. */
    static String maskEmail(String email) {
        if (email == null || email.indexOf('@') < 1) {
            return null;
        }
        return email.charAt(0) + "…" + email.substring(email.indexOf('@'));
    }

    /** The last four digits of the phone number. */
    static String phoneEnding(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.length() < 4 ? null : digits.substring(digits.length() - 4);
    }
}
