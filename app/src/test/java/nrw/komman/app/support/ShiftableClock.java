package nrw.komman.app.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The real time of North Rhine-Westphalia, moved by an offset a test sets: "three years later" for the retention
 * rules, without waiting three years. Every "today" of the platform (command side, query side, web) comes from the
 * application's {@link Clock}; {@link Config} makes this one the primary clock of a test context.
 */
public final class ShiftableClock extends Clock {

    /** A system property (ISO-8601 duration) the clock starts shifted by, for an application in a process of its own. */
    public static final String INITIAL_SHIFT = "komman.test.initial-clock-shift";

    private final Clock base;
    private volatile Duration offset = Duration.parse(System.getProperty(INITIAL_SHIFT, "PT0S"));

    public ShiftableClock() {
        this(Clock.system(ZoneId.of("Europe/Berlin")));
    }

    private ShiftableClock(Clock base) {
        this.base = base;
    }

    /** From now on the clock is {@code offset} ahead of the real time (negative: behind). */
    public void shift(Duration offset) {
        this.offset = offset;
    }

    /** Back to the real time. */
    public void reset() {
        shift(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        ShiftableClock other = new ShiftableClock(base.withZone(zone));
        other.offset = offset;
        return other;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    /** Import into a test class to run its context on a {@link ShiftableClock}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        public ShiftableClock shiftableClock() {
            return new ShiftableClock();
        }
    }
}
