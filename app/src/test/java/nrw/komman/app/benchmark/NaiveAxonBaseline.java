package nrw.komman.app.benchmark;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.springframework.context.annotation.Bean;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The baseline of issue 5: a naive Axon aggregate, one event per command, no cache, no snapshots, on the same
 * event store, buses and database as the platform. Deliberately not a Spring {@code @Configuration} and outside
 * any stereotype, so only the benchmark's context (which names this class as a source) registers it.
 */
public class NaiveAxonBaseline {

    @Bean
    ConfigurerModule naiveCounterAggregate() {
        return configurer -> configurer.configureAggregate(NaiveCounter.class);
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
