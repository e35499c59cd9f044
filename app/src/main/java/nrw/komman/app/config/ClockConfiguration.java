package nrw.komman.app.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.ZoneId;

/** "Today" in the rules (funding years, future dates) is today in North Rhine-Westphalia. */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    public static final ZoneId NRW = ZoneId.of("Europe/Berlin");

    @Bean
    public Clock clock() {
        return Clock.system(NRW);
    }
}
