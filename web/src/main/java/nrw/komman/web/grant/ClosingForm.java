package nrw.komman.web.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Checking the usage report and closing the grant: the check note (Prüfvermerk), the reason of any repayment demand. */
public class ClosingForm {

    @NotBlank(message = "{ui.grant.checkNote.required}")
    @Size(max = 4000, message = "{ui.too-long}")
    private String checkNote;

    public String getCheckNote() { return checkNote; }
    public void setCheckNote(String checkNote) { this.checkNote = checkNote; }
}
