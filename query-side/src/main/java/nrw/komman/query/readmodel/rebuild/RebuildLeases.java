package nrw.komman.query.readmodel.rebuild;

import nrw.komman.kernel.admin.RebuildProgress.State;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Coordination between the nodes on one database: the rows of {@code read_model_rebuild} say which
 * node runs which rebuild and how it stands. A node claims a group's next generation with its row (one
 * rebuild per group at a time: {@code active_group} is unique), holds it with a heartbeat, and loses it
 * to another node once the heartbeat is older than {@link #STALE}; every node reads the state here.
 */
final class RebuildLeases {

    /** A rebuild whose node has not written a heartbeat for this long is taken over by another node. */
    static final Duration STALE = Duration.ofSeconds(30);
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);

    private final JdbcTemplate jdbc;
    private final String node;
    private final Clock clock;

    RebuildLeases(JdbcTemplate jdbc, String node, Clock clock) {
        this.jdbc = jdbc;
        this.node = node;
        this.clock = clock;
    }

    /** A rebuild as its row records it. */
    record Lease(String group, int generation, State state, Instant started, Instant finished, String error) {
    }

    /**
     * Claims the group's next generation for this node, in the caller's transaction.
     *
     * @throws org.springframework.dao.DuplicateKeyException while the group has a rebuild, started by any node
     */
    int claimNext(String group, long headAtStart) {
        Integer last = jdbc.queryForObject("select max(generation) from read_model_rebuild where processing_group = ?",
                Integer.class, group);
        int next = (last == null ? 0 : last) + 1;
        Instant now = clock.instant();
        jdbc.update("""
                insert into read_model_rebuild (processing_group, generation, state, active_group, node, started_at,
                                                heartbeat_at, head_at_start)
                values (?, ?, 'REPLAYING', ?, ?, ?, ?, ?)""", group, next, group, node, utc(now), utc(now), headAtStart);
        return next;
    }

    /** Renews this node's hold on the rebuild; false when the row is no longer this node's replay. */
    boolean renew(String group, int generation) {
        Instant now = clock.instant();
        jdbc.update("""
                update read_model_rebuild set heartbeat_at = ?
                 where processing_group = ? and generation = ? and node = ? and heartbeat_at < ?""",
                utc(now), group, generation, node, utc(now.minus(HEARTBEAT)));
        Integer mine = jdbc.queryForObject("""
                select count(*) from read_model_rebuild
                 where processing_group = ? and generation = ? and node = ? and state = 'REPLAYING'""",
                Integer.class, group, generation, node);
        return mine != null && mine == 1;
    }

    /** Replaying rebuilds whose node has stopped writing its heartbeat (crash, shutdown), as group → generation. */
    Map<String, Integer> abandoned() {
        Map<String, Integer> abandoned = new LinkedHashMap<>();
        jdbc.query("select processing_group, generation from read_model_rebuild where state = 'REPLAYING' and heartbeat_at < ?",
                rs -> {
                    abandoned.put(rs.getString(1), rs.getInt(2));
                }, utc(clock.instant().minus(STALE)));
        return abandoned;
    }

    /** Makes an abandoned rebuild this node's; false if another node was quicker or its node came back. */
    boolean takeOver(String group, int generation) {
        Instant now = clock.instant();
        return jdbc.update("""
                update read_model_rebuild set node = ?, heartbeat_at = ?
                 where processing_group = ? and generation = ? and state = 'REPLAYING' and heartbeat_at < ?""",
                node, utc(now), group, generation, utc(now.minus(STALE))) == 1;
    }

    /** Rebuilds whose switch a crash interrupted (H2 only), as group → generation. */
    Map<String, Integer> interruptedSwitches() {
        Map<String, Integer> interrupted = new LinkedHashMap<>();
        jdbc.query("select processing_group, generation from read_model_rebuild where state = 'SWITCHING'",
                rs -> {
                    interrupted.put(rs.getString(1), rs.getInt(2));
                });
        return interrupted;
    }

    State stateOf(String group, int generation) {
        return jdbc.query("select state from read_model_rebuild where processing_group = ? and generation = ?",
                (rs, i) -> State.valueOf(rs.getString(1)), group, generation).stream().findFirst().orElse(null);
    }

    void switching(String group, int generation) {
        jdbc.update("update read_model_rebuild set state = 'SWITCHING' where processing_group = ? and generation = ?",
                group, generation);
    }

    /** The new generation answers: the group may be rebuilt again. */
    void switched(String group, int generation) {
        jdbc.update("""
                update read_model_rebuild set state = 'SWITCHED', active_group = null, finished_at = ?
                 where processing_group = ? and generation = ?""", utc(clock.instant()), group, generation);
    }

    /** The current generation stays: the group may be rebuilt again. */
    void failed(String group, int generation, String error) {
        String message = String.valueOf(error);
        jdbc.update("""
                update read_model_rebuild set state = 'FAILED', active_group = null, finished_at = ?, error = ?
                 where processing_group = ? and generation = ?""", utc(clock.instant()),
                message.substring(0, Math.min(500, message.length())), group, generation);
    }

    /** The group's latest rebuild, as any node sees it. */
    Optional<Lease> latest(String group) {
        List<Lease> latest = jdbc.query("""
                select generation, state, started_at, finished_at, error from read_model_rebuild
                 where processing_group = ? order by generation desc fetch first 1 rows only""", (rs, i) -> {
            OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
            return new Lease(group, rs.getInt("generation"), State.valueOf(rs.getString("state")),
                    rs.getObject("started_at", OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant(),
                    rs.getString("error"));
        }, group);
        return latest.stream().findFirst();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
