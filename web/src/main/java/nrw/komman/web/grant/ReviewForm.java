package nrw.komman.web.grant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.grant.Recommendation;

/** The grant authority's review: a recommendation and the review note (Prüfvermerk). */
public class ReviewForm {

    @NotNull(message = "{ui.grant.recommendation.required}")
    private Recommendation recommendation;

    @NotBlank(message = "{ui.grant.reviewNote.required}")
    @Size(max = 4000, message = "{ui.too-long}")
    private String note;

    public Recommendation getRecommendation() { return recommendation; }
    public void setRecommendation(Recommendation recommendation) { this.recommendation = recommendation; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
