package nrw.komman.kernel.grant;

/** The dates in force for every programme part (the defaults where the ministry set none). Answer: {@link ProgrammeDatesOverview}. */
public record FetchProgrammeDatesQuery() {
}
