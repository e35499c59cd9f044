package nrw.komman.command.privacy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The retention periods (ADR 9): personal data of volunteers inactive for {@code inactiveVolunteersYears} full
 * years is erased; grant files are due {@code grantFileYears} full years after the usage report. The query side
 * reads the same two properties for the dry run. The data of a person who asked for help (issue 18) is erased
 * {@code requesterDataMonths} full months after their request was closed or cancelled.
 */
@Component
public class RetentionRules {

    public static final int DEFAULT_INACTIVE_VOLUNTEERS_YEARS = 3;
    public static final int DEFAULT_GRANT_FILE_YEARS = 5;
    public static final int DEFAULT_REQUESTER_DATA_MONTHS = 6;

    private final int inactiveVolunteersYears;
    private final int grantFileYears;
    private final int requesterDataMonths;

    @Autowired
    public RetentionRules(
            @Value("${komman.retention.inactive-volunteers-years:" + DEFAULT_INACTIVE_VOLUNTEERS_YEARS + "}") int inactiveVolunteersYears,
            @Value("${komman.retention.grant-file-years:" + DEFAULT_GRANT_FILE_YEARS + "}") int grantFileYears,
            @Value("${komman.retention.requester-data-months:" + DEFAULT_REQUESTER_DATA_MONTHS + "}") int requesterDataMonths) {
        if (inactiveVolunteersYears < 1 || grantFileYears < 1) {
            throw new IllegalStateException("komman.retention.inactive-volunteers-years and komman.retention.grant-file-years "
                    + "must be at least 1 (years)");
        }
        if (requesterDataMonths < 1) {
            throw new IllegalStateException("komman.retention.requester-data-months must be at least 1 (months)");
        }
        this.inactiveVolunteersYears = inactiveVolunteersYears;
        this.grantFileYears = grantFileYears;
        this.requesterDataMonths = requesterDataMonths;
    }

    /** With the default period for requesters' data. */
    public RetentionRules(int inactiveVolunteersYears, int grantFileYears) {
        this(inactiveVolunteersYears, grantFileYears, DEFAULT_REQUESTER_DATA_MONTHS);
    }

    public int inactiveVolunteersYears() {
        return inactiveVolunteersYears;
    }

    public int grantFileYears() {
        return grantFileYears;
    }

    public int requesterDataMonths() {
        return requesterDataMonths;
    }
}
