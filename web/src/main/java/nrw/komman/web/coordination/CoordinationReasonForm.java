package nrw.komman.web.coordination;

import jakarta.validation.constraints.Size;
import nrw.komman.web.platform.problem.InvalidFieldException;

/** A reason, as calling off a request or cancelling an assignment asks for it. */
public class CoordinationReasonForm {

    @Size(max = 500, message = "{ui.too-long}")
    private String reason;

    /** A reason is required here: it is kept with the fact. */
    void requireReason(String code) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldException("reason", code, "Bitte geben Sie einen Grund an.");
        }
    }

    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
