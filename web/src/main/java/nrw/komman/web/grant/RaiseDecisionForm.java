package nrw.komman.web.grant;

/**
 * The second look at a proposed raise: its amount as the page showed it (approval), or why it is withdrawn. The
 * withdrawal checks its reason itself; the approval carries none.
 */
public class RaiseDecisionForm {

    private String proposedAmount;
    private String reason;

    public String getProposedAmount() { return proposedAmount; }
    public void setProposedAmount(String proposedAmount) { this.proposedAmount = proposedAmount; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
}
