package nrw.komman.wiring;

import nrw.komman.command.CommandSideConfiguration;
import nrw.komman.command.testing.TestClock;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.volunteer.AesGcmPersonalDataVault;
import nrw.komman.kernel.volunteer.InMemoryKeyRing;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/**
 * The smallest application around the command side: what the real application must provide
 * (clock, vault, data source with the migrations, the pepper) and the actor's correlation data. Outside
 * {@code nrw.komman.command} so the command side's component scan does not pick it up.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(CommandSideConfiguration.class)
class WiringTestApplication {

    @Bean
    Clock clock() {
        return TestClock.CLOCK;
    }

    @Bean
    PersonalDataVault personalDataVault() {
        return new AesGcmPersonalDataVault(new InMemoryKeyRing());
    }

    /**
     * The grant schedules its dates (issue 19). The application has db-scheduler's persistent deadline manager; Axon
     * provides none by itself, so this small application takes Axon's in-memory one.
     */
    @Bean
    org.axonframework.deadline.DeadlineManager deadlineManager(org.axonframework.config.Configuration configuration) {
        return org.axonframework.deadline.SimpleDeadlineManager.builder()
                .scopeAwareProvider(new org.axonframework.config.ConfigurationScopeAwareProvider(configuration)).build();
    }

    /** As the application: who acted is copied from every command onto the events it causes. */
    @Bean
    CorrelationDataProvider actorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(Actor.ACCOUNT, Actor.ROLE, Actor.CENTRE);
    }
}
