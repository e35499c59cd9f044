package nrw.komman.kernel.grant;

/** What an amendment did: a lowering took effect, a raise waits for a second account's approval (ADR 26). */
public enum AmendmentOutcome {
    AMENDED, RAISE_PROPOSED
}
