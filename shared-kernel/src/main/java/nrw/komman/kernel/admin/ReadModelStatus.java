package nrw.komman.kernel.admin;

import java.util.List;

/**
 * One event processor and the read models it feeds: whether it runs, how far it has read of the
 * event store ({@code position} of {@code headPosition}), the tables it writes, and the latest
 * rebuild of them (null when there was none).
 */
public record ReadModelStatus(String processor, boolean running, boolean replaying, boolean error, int segments,
                              long position, long headPosition, List<String> tables, RebuildProgress rebuild) {

    public ReadModelStatus {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }
}
