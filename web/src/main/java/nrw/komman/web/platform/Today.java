package nrw.komman.web.platform;

import nrw.komman.kernel.common.Nrw;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Today's date for defaults (establishment and closing dates, the current funding year), from the
 * application's {@link Clock} bean when there is exactly one, so the web agrees with the rules'
 * "today"; otherwise North Rhine-Westphalia's system clock.
 */
@Component
public class Today {

    private final Clock clock;

    @Autowired
    public Today(ObjectProvider<Clock> clock) {
        this(clock.getIfUnique(Nrw::systemClock));
    }

    public Today(Clock clock) {
        this.clock = clock;
    }

    public LocalDate date() {
        return LocalDate.now(clock);
    }

    /** This moment, from the same clock (e.g. "not in the future" for a time a person enters). */
    public java.time.Instant now() {
        return clock.instant();
    }
}
