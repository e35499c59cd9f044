package nrw.komman.kernel.admin;

import nrw.komman.kernel.activity.*;
import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/** One event processor and the read models it feeds. */
public record ReadModelStatus(String processor, boolean running, boolean replaying, boolean error, int segments, long position, long headPosition) {
}
