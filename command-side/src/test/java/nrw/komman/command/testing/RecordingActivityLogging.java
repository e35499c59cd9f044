package nrw.komman.command.testing;

import nrw.komman.command.coordination.ActivityLogging;
import nrw.komman.kernel.activity.LogActivityCommand;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.DomainException;

import java.util.ArrayList;
import java.util.List;

/** Records the activities a request logs; or refuses them as the volunteer's aggregate would. */
public final class RecordingActivityLogging implements ActivityLogging {

    private final List<LogActivityCommand> logged = new ArrayList<>();
    private final List<Actor> actors = new ArrayList<>();
    private DomainException refusal;

    public RecordingActivityLogging refusing(DomainException refusal) {
        this.refusal = refusal;
        return this;
    }

    @Override
    public void log(LogActivityCommand command, Actor actor) {
        if (refusal != null) {
            throw refusal;
        }
        logged.add(command);
        actors.add(actor);
    }

    public List<LogActivityCommand> logged() {
        return List.copyOf(logged);
    }

    public List<Actor> actors() {
        return List.copyOf(actors);
    }
}
