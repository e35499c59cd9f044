package nrw.komman.app.events;

/**
 * The order of the upcaster chain in one place. Axon runs the upcasters in the order of their beans'
 * {@code @Order}; an upcaster that reads the output of another must come after it. Leave gaps, so a later
 * upcaster can be put between two.
 */
final class EventUpcasterOrder {

    static final int CENTRE_DISSOLVED_TO_CLOSED = 100;

    private EventUpcasterOrder() {
    }
}
