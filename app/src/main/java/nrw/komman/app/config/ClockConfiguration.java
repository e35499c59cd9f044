package nrw.komman.app.config;

import nrw.komman.kernel.common.Nrw;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** "Today" in the rules (funding years, future dates) is today in North Rhine-Westphalia. */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    public Clock clock() {
        return Nrw.systemClock();
    }
}
