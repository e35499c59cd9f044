package nrw.komman.web.privacy;

import jakarta.validation.constraints.AssertTrue;

/** The explicit confirmation that a volunteer's personal data is erased for good (a checkbox, never pre-ticked). */
public class ErasureForm {

    @AssertTrue(message = "{ui.erasure.confirmed.required}")
    private boolean confirmed;

    public boolean isConfirmed() { return confirmed; }
    public void setConfirmed(boolean confirmed) { this.confirmed = confirmed; }
}
