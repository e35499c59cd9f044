package nrw.komman.command.privacy;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The retention periods (ADR 9): personal data of volunteers inactive for {@code inactiveVolunteersYears} full
 * years is erased; grant files are due {@code grantFileYears} full years after the usage report. The query side
 * reads the same two properties for the dry run.
 */
@Component
public class RetentionRules {

    public static final int DEFAULT_INACTIVE_VOLUNTEERS_YEARS = 3;
    public static final int DEFAULT_GRANT_FILE_YEARS = 5;

    private final int inactiveVolunteersYears;
    private final int grantFileYears;

    public RetentionRules(
            @Value("${komman.retention.inactive-volunteers-years:" + DEFAULT_INACTIVE_VOLUNTEERS_YEARS + "}") int inactiveVolunteersYears,
            @Value("${komman.retention.grant-file-years:" + DEFAULT_GRANT_FILE_YEARS + "}") int grantFileYears) {
        if (inactiveVolunteersYears < 1 || grantFileYears < 1) {
            throw new IllegalStateException("komman.retention.inactive-volunteers-years and komman.retention.grant-file-years "
                    + "must be at least 1 (years)");
        }
        this.inactiveVolunteersYears = inactiveVolunteersYears;
        this.grantFileYears = grantFileYears;
    }

    public int inactiveVolunteersYears() {
        return inactiveVolunteersYears;
    }

    public int grantFileYears() {
        return grantFileYears;
    }
}
