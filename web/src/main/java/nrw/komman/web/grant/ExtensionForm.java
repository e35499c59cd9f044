package nrw.komman.web.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;

/** The grant authority moves the usage report's due date (Fristverlängerung): the new date and why. */
public class ExtensionForm {

    @NotNull(message = "{ui.grant.dueOn.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dueOn;

    @NotBlank(message = "{ui.grant.extension-reason.required}")
    @Size(max = 4000, message = "{ui.too-long}")
    private String reason;

    public LocalDate getDueOn() { return dueOn; }
    public void setDueOn(LocalDate dueOn) { this.dueOn = dueOn; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
