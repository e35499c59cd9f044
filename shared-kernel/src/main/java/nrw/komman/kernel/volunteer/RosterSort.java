package nrw.komman.kernel.volunteer;

/**
 * The columns a centre's roster can be sorted by. Names and contact data are sealed in the read model (ADR 22),
 * so the query side sorts in memory after opening them; ties fall back to the name, then the id.
 */
public enum RosterSort {
    /** By name regardless of case; erased volunteers (no name) last. */
    NAME,
    /** By e-mail address, or the phone number of a volunteer without one. */
    CONTACT,
    REGISTERED_ON,
    STATUS,
    /** By this year's minutes. */
    HOURS
}
