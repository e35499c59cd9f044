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

    /** As the application: who acted is copied from every command onto the events it causes. */
    @Bean
    CorrelationDataProvider actorCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(Actor.ACCOUNT, Actor.ROLE, Actor.CENTRE);
    }
}
