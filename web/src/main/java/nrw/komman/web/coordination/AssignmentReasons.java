package nrw.komman.web.coordination;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;

/**
 * An assignment's reason as the pages show it. A person types reasons in their own words; the platform records its
 * own cancellations with a code instead ({@code volunteer.deactivated}, {@code volunteer.erased} from the command
 * side's leaving-volunteers policy, {@code help-request.cancelled} when the whole request was called off), which the
 * pages say in words. The API gives the reason as recorded.
 */
@Component("assignmentReasons")
public class AssignmentReasons {

    /** The platform's reason codes and their messages. */
    static final Map<String, String> PLATFORM = Map.of(
            "volunteer.deactivated", "assignment.reason.volunteer.deactivated",
            "volunteer.erased", "assignment.reason.volunteer.erased",
            "help-request.cancelled", "assignment.reason.help-request.cancelled");

    private final MessageSource messages;

    public AssignmentReasons(MessageSource messages) {
        this.messages = messages;
    }

    /** The reason in words: a platform code translated, a person's text as written; null stays null. */
    public String words(String reason, Locale locale) {
        if (reason == null) {
            return null;
        }
        String code = PLATFORM.get(reason.strip());
        return code == null ? reason : messages.getMessage(code, null, reason, locale);
    }

    /** Whether the reason is one of the platform's codes (not a person's words). */
    public boolean isPlatform(String reason) {
        return reason != null && PLATFORM.containsKey(reason.strip());
    }
}
