package nrw.komman.app.support;

import nrw.komman.app.KommAnApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.convert.DurationStyle;

import java.time.Duration;
import java.util.Arrays;

/**
 * The application in a process of its own (for the tests that kill it) on a {@link ShiftableClock} that runs
 * {@code --komman.test.clock-shift} off the real time from the start: "applied eight weeks ago" while db-scheduler,
 * which fires by the real time, sees a date that has passed.
 */
public final class ShiftedClockApplication {

    private static final String SHIFT = "--komman.test.clock-shift=";

    private ShiftedClockApplication() {
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Duration shift = Arrays.stream(args).filter(arg -> arg.startsWith(SHIFT)).findFirst()
                .map(arg -> DurationStyle.detectAndParse(arg.substring(SHIFT.length()))).orElse(Duration.ZERO);
        System.setProperty(ShiftableClock.INITIAL_SHIFT, shift.toString());
        new SpringApplicationBuilder(KommAnApplication.class, ShiftableClock.Config.class).run(args);
    }
}
