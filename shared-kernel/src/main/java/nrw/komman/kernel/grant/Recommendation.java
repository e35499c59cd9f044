package nrw.komman.kernel.grant;

/** The grant authority's recommendation to the ministry after reviewing an application. */
public enum Recommendation { APPROVE, REJECT }
