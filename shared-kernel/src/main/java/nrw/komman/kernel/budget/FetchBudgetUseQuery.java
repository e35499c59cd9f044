package nrw.komman.kernel.budget;

/** Budget use of one funding year: per programme part and per centre. For the ministry, grant officers and auditors. */
public record FetchBudgetUseQuery(int fundingYear) {
}
