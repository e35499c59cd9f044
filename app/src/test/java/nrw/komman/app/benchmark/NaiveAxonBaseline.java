package nrw.komman.app.benchmark;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.springframework.context.annotation.Bean;

import java.util.ArrayList;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The baseline of issue 5: a naive Axon aggregate, one event per command, no cache, no snapshots, on the same
 * event store, buses and database as the platform. Deliberately not a Spring {@code @Configuration} and outside
 * any stereotype, so only the benchmark's context (which names this class as a source) registers it.
 * <p>
 * Issue 18 adds its analogue for bookings: a naive calendar per volunteer that refuses an overlapping slot, one event
 * per booking, loaded by replaying all of them. The aggregate's own lock and sequence numbers keep it free of double
 * bookings; the platform's booking ledger must do as well across requests (and nodes), and is measured beside it.
 */
public class NaiveAxonBaseline {

    @Bean
    ConfigurerModule naiveCounterAggregate() {
        return configurer -> configurer.configureAggregate(NaiveCounter.class);
    }

    @Bean
    ConfigurerModule naiveCalendarAggregate() {
        return configurer -> configurer.configureAggregate(NaiveCalendar.class);
    }

    public record OpenCalendar(@TargetAggregateIdentifier String id) {
    }

    /** Book the span from {@code start} to {@code end} (epoch seconds); refused when it overlaps a booked one. */
    public record BookSlot(@TargetAggregateIdentifier String id, String bookingId, long start, long end) {
    }

    public record CalendarOpened(String id) {
    }

    public record SlotBooked(String id, String bookingId, long start, long end) {
    }

    /** Thrown for an overlapping slot: the naive "409". */
    public static class SlotTaken extends RuntimeException {
        public SlotTaken() {
            super("slot taken", null, false, false);
        }
    }

    /** One volunteer's bookings: each booking is one event; an overlapping one is refused. */
    public static class NaiveCalendar {
        @AggregateIdentifier
        private String id;
        private final List<long[]> booked = new ArrayList<>();

        protected NaiveCalendar() {
        }

        @CommandHandler
        public NaiveCalendar(OpenCalendar command) {
            apply(new CalendarOpened(command.id()));
        }

        @CommandHandler
        public void handle(BookSlot command) {
            for (long[] slot : booked) {
                if (command.start() < slot[1] && slot[0] < command.end()) {
                    throw new SlotTaken();
                }
            }
            apply(new SlotBooked(command.id(), command.bookingId(), command.start(), command.end()));
        }

        @EventSourcingHandler
        void on(CalendarOpened event) {
            this.id = event.id();
        }

        @EventSourcingHandler
        void on(SlotBooked event) {
            booked.add(new long[]{event.start(), event.end()});
        }
    }

    public record CreateCounter(@TargetAggregateIdentifier String id) {
    }

    public record Increment(@TargetAggregateIdentifier String id, int by) {
    }

    public record CounterCreated(String id) {
    }

    public record Incremented(String id, int by) {
    }

    /** One counter: each increment is one event, loaded by replaying all of them. */
    public static class NaiveCounter {
        @AggregateIdentifier
        private String id;
        private long value;

        protected NaiveCounter() {
        }

        @CommandHandler
        public NaiveCounter(CreateCounter command) {
            apply(new CounterCreated(command.id()));
        }

        @CommandHandler
        public void handle(Increment command) {
            apply(new Incremented(command.id(), command.by()));
        }

        @EventSourcingHandler
        void on(CounterCreated event) {
            this.id = event.id();
        }

        @EventSourcingHandler
        void on(Incremented event) {
            this.value += event.by();
        }
    }
}
