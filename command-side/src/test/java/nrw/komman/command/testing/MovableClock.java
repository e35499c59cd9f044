package nrw.komman.command.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the test moves, together with the fixture's time, so that a deadline handler sees the time it fired at. */
public final class MovableClock extends Clock {

    private volatile Instant now;

    public MovableClock(Instant now) {
        this.now = now;
    }

    public void moveTo(Instant instant) {
        now = instant;
    }

    @Override
    public ZoneId getZone() {
        return TestClock.BERLIN;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
