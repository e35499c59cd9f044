package nrw.komman.web.platform;

import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.platform.problem.InvalidFieldException;

import java.util.function.Function;

/**
 * Parses identifiers and amounts from paths, parameters and request fields with the shared-kernel
 * parsers; a malformed value becomes a 400 that names the field.
 */
public final class Ids {

    private Ids() {
    }

    public static CentreId centre(String field, String text) {
        return parse(field, text, CentreId::new);
    }

    public static VolunteerId volunteer(String field, String text) {
        return parse(field, text, VolunteerId::parse);
    }

    public static ActivityId activity(String field, String text) {
        return parse(field, text, ActivityId::parse);
    }

    public static GrantId grant(String field, String text) {
        return parse(field, text, GrantId::parse);
    }

    /** An optional id: null or blank gives null. */
    public static <T> T optional(String field, String text, Function<String, T> parser) {
        return text == null || text.isBlank() ? null : parse(field, text.strip(), parser);
    }

    public static Money money(String field, String text) {
        return parse(field, text, Money::parse);
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
