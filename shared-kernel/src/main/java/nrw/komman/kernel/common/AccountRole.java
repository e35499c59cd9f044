package nrw.komman.kernel.common;

/** The five roles of staff, the volunteer through their link, of the programme (see docs/domain.md, "Who uses it"). */
public enum AccountRole {
    /** Staff of one integration centre: acts on and sees only that centre. */
    COORDINATOR,
    /** Bezirksregierung Arnsberg: reviews applications, sees all grants. */
    GRANT_OFFICER,
    /** The Land's ministry: budgets, decisions, state-wide figures. */
    MINISTRY,
    /** Internal audit / court of audit: reads histories, changes nothing. */
    AUDITOR,
    /** Operations: accounts and read models. */
    ADMINISTRATOR,
    /**
     * A volunteer acting through their personal link (issue 18): no account, no password; the link's secret token is
     * the credential, and the actor names the volunteer ({@link Actor#volunteer}). Also whoever checks a
     * certificate's number ({@link Actor#PERSONAL_LINK}). Never an account's role.
     */
    VOLUNTEER,
    /** The platform itself, e.g. establishing the reference centres on first start. */
    SYSTEM
}
