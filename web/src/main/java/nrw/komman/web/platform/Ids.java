package nrw.komman.web.platform;

import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.platform.problem.InvalidFieldException;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parses identifiers and amounts from paths, parameters and request fields with the shared-kernel
 * parsers; a malformed value becomes a 400 that names the field.
 */
public final class Ids {

    /**
     * The canonical form of a UUID, as the platform hands ids out. {@code UUID.fromString} also takes "1-2-3-4-5"
     * and turns it into another id: such a value is malformed, not the id of nobody.
     */
    private static final Pattern CANONICAL_UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    public static CentreId centre(String field, String text) {
        return parse(field, text, CentreId::new);
    }

    public static VolunteerId volunteer(String field, String text) {
        return parse(field, text, canonical(VolunteerId::parse, "volunteer"));
    }

    public static ActivityId activity(String field, String text) {
        return parse(field, text, canonical(ActivityId::parse, "activity"));
    }

    public static GrantId grant(String field, String text) {
        return parse(field, text, canonical(GrantId::parse, "grant"));
    }

    public static HelpRequestId helpRequest(String field, String text) {
        return parse(field, text, canonical(HelpRequestId::parse, "help-request"));
    }

    public static AssignmentId assignment(String field, String text) {
        return parse(field, text, canonical(AssignmentId::parse, "assignment"));
    }

    public static nrw.komman.kernel.coordination.CertificateId certificate(String field, String text) {
        return parse(field, text, canonical(nrw.komman.kernel.coordination.CertificateId::parse, "certificate"));
    }

    /** An optional volunteer id (a filter, a form field): null or blank gives null, anything else must be an id. */
    public static VolunteerId optionalVolunteer(String field, String text) {
        return text == null || text.isBlank() ? null : volunteer(field, text.strip());
    }

    /** An optional grant id (the grant that funds an activity): null or blank gives null, anything else must be an id. */
    public static GrantId optionalGrant(String field, String text) {
        return text == null || text.isBlank() ? null : grant(field, text.strip());
    }

    /** An optional id: null or blank gives null. */
    public static <T> T optional(String field, String text, Function<String, T> parser) {
        return text == null || text.isBlank() ? null : parse(field, text.strip(), parser);
    }

    public static Money money(String field, String text) {
        return parse(field, text, Money::parse);
    }

    private static <T> Function<String, T> canonical(Function<String, T> parser, String kind) {
        return text -> {
            if (text == null || !CANONICAL_UUID.matcher(text).matches()) {
                throw new InvalidInputException(kind + ".id.malformed",
                        "„" + shortened(text) + "“ ist keine gültige Kennung.");
            }
            return parser.apply(text);
        };
    }

    /** Echoes at most 40 characters of what was sent, so a huge value does not come back in the answer. */
    private static String shortened(String text) {
        return text == null ? "" : text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    public static <T> T parse(String field, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (InvalidFieldException e) {
            throw e;
        } catch (InvalidInputException e) {
            throw new InvalidFieldException(field, e);
        }
    }
}
