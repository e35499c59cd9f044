package nrw.komman.command.coordination;

import nrw.komman.kernel.activity.LogActivityCommand;
import nrw.komman.kernel.common.Actor;

/**
 * Port: logs the activity an assignment became, through the volunteer's own aggregate and its rules. A refusal
 * (the volunteer deactivated meanwhile, the grant closed, ...) is thrown back to the caller unchanged.
 */
public interface ActivityLogging {

    void log(LogActivityCommand command, Actor actor);
}
