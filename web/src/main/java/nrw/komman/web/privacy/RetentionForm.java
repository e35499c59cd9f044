package nrw.komman.web.privacy;

import jakarta.validation.constraints.AssertTrue;

/** The explicit confirmation of a retention run (a checkbox, never pre-ticked): its erasures cannot be undone. */
public class RetentionForm {

    @AssertTrue(message = "{ui.retention.confirmed.required}")
    private boolean confirmed;

    public boolean isConfirmed() { return confirmed; }
    public void setConfirmed(boolean confirmed) { this.confirmed = confirmed; }
}
