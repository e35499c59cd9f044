package nrw.komman.app.events;

/**
 * The order of the upcaster chain in one place. Axon runs the upcasters in the order of their beans'
 * {@code @Order}; an upcaster that reads the output of another must come after it. Leave gaps, so a later
 * upcaster can be put between two.
 */
final class EventUpcasterOrder {

    static final int CENTRE_DISSOLVED_TO_CLOSED = 100;
    /** Revision 0 to 1 of the events whose free text is sealed since ADR 21; independent of each other. */
    static final int ACTIVITY_CORRECTED_1 = 200;
    static final int ACTIVITY_WITHDRAWN_1 = 210;
    static final int VOLUNTEER_REGISTERED_1 = 220;

    private EventUpcasterOrder() {
    }
}
