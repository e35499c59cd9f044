package nrw.komman.web.coordination;

import jakarta.validation.constraints.Size;

/** Who steps in for a volunteer, and why the first is taken off. */
public class ReplacementForm extends CoordinationReasonForm {

    @Size(max = 36, message = "{ui.too-long}")
    private String volunteerId;

    public String getVolunteerId() { return volunteerId; }
    public void setVolunteerId(String volunteerId) { this.volunteerId = volunteerId; }
}
