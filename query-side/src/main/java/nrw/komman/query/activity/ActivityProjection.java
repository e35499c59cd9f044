package nrw.komman.query.activity;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityCorrectedEvent;
import nrw.komman.kernel.activity.ActivityLoggedEvent;
import nrw.komman.kernel.activity.ActivityWithdrawnEvent;
import nrw.komman.kernel.privacy.VolunteerDataErasedEvent;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.SealedText;
import nrw.komman.query.common.PerBatch;
import nrw.komman.query.common.ProcessingGroups;
import nrw.komman.query.common.RebuildableProjection;
import nrw.komman.query.common.Rows;
import nrw.komman.query.common.TableNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Projects the activity log ({@code activity_view}, one row per activity in its latest state) and
 * the figures derived from it: minutes and activities per volunteer and year
 * ({@code volunteer_year_stats}) and per centre, funding year and category
 * ({@code centre_activity_stats}). A correction can move an activity to another year or category;
 * a withdrawal stops it counting. The note is stored as the event carries it, sealed under the volunteer's
 * key ({@code sealed_note}), and opened only by the queries (ADR 22). Owned by {@code centre-views}.
 *
 * <p>Batched ({@link PerBatch}): the events of one processor batch change the activities in memory;
 * before the batch commits, the new activities are inserted, the changed ones updated, and each
 * figure changed once by the sum of its activities' differences, every statement as one JDBC batch.
 * A rebuild replays hundreds of events per batch, so it costs a few round trips per batch instead
 * of three to five per event (docs/performance.md). The batch's bookkeeping stays in this class,
 * beside the statements it feeds, which makes the class longer than most.
 *
 * <p>Exactness: a figure changes by the difference between its activities' state before the batch
 * (as stored in {@code activity_view}) and after it, and a logged activity counts only when its row
 * is inserted, so processing the same event twice changes nothing; the token is stored in the same
 * transaction, so each event is applied once.
 * <p>Why this size: the activity log and its two figure tables change together in every batch, and the batch's
 * bookkeeping (ADR 15) must see all three.
 */
@Component
@ProcessingGroup(ProcessingGroups.CENTRE_VIEWS)
public class ActivityProjection implements RebuildableProjection {

    /** The tables it writes (ADR 17). */
    private static final TableNames TABLES = TableNames.of("activity_view", "volunteer_year_stats", "centre_activity_stats");

    private final NamedParameterJdbcTemplate jdbc;
    private final TableNames tables;
    /** Opens nothing here (ADR 22); kept so that the wiring and the rebuild's copies stay as they were. */
    private final PersonalDataVault vault;
    private final PerBatch<Batch> batches = new PerBatch<>(Batch::new, Batch::write);

    @Autowired
    public ActivityProjection(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault) {
        this(jdbc, vault, TABLES);
    }

    private ActivityProjection(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault, TableNames tables) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.tables = tables;
    }

    @Override
    public TableNames tables() {
        return tables;
    }

    @Override
    public ActivityProjection copyOver(TableNames generation) {
        return new ActivityProjection(jdbc, vault, generation);
    }

    @EventHandler
    public void on(ActivityLoggedEvent event, @Timestamp Instant loggedAt) {
        Row row = new Row(event.activityId().toString(), event.volunteerId().toString(), event.centreId().value(), event.date(),
                event.minutes(), event.category(), sealed(event.note()), Rows.string(event.grantId()),
                false, false, loggedAt);
        batches.change(batch -> batch.logged(row));
    }

    @EventHandler
    public void on(ActivityCorrectedEvent event, @Timestamp Instant correctedAt) {
        String note = sealed(event.note());
        batches.change(batch -> {
            Change change = batch.find(event.activityId().toString());
            if (change == null) {
                // the log event is missing (should not happen): record the corrected state as it stands
                batch.logged(new Row(event.activityId().toString(), event.volunteerId().toString(), event.centreId().value(),
                        event.date(), event.minutes(), event.category(), note, Rows.string(event.grantId()), false, true, correctedAt));
                return;
            }
            Row now = change.after;
            batch.change(change, new Row(now.activityId(), now.volunteerId(), now.centreId(), event.date(), event.minutes(), event.category(),
                    note, Rows.string(event.grantId()), now.withdrawn(), true, now.loggedAt()));
        });
    }

    @EventHandler
    public void on(ActivityWithdrawnEvent event) {
        batches.change(batch -> {
            Change change = batch.find(event.activityId().toString());
            if (change != null && !change.after.withdrawn()) {
                batch.change(change, change.after.asWithdrawn());
            }
        });
    }

    /** The volunteer's key is destroyed: their notes go from the log; dates, minutes and categories stay. */
    @EventHandler
    public void on(VolunteerDataErasedEvent event) {
        batches.change(batch -> batch.erased(event.volunteerId().toString()));
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcOperations().update(tables.sql("delete from {centre_activity_stats}"));
        jdbc.getJdbcOperations().update(tables.sql("delete from {volunteer_year_stats}"));
        jdbc.getJdbcOperations().update(tables.sql("delete from {activity_view}"));
    }

    /** The note's ciphertext as the event carries it: never opened here (ADR 22). */
    private static String sealed(SealedText note) {
        return note == null ? null : note.ciphertext();
    }

    private Optional<Row> stored(String activityId) {
        return jdbc.query(tables.sql("""
                select activity_id, volunteer_id, centre_id, activity_date, minutes, category, sealed_note, grant_id, withdrawn,
                       corrected, logged_at
                  from {activity_view} where activity_id = :activityId"""),
                Map.of("activityId", activityId),
                (rs, i) -> new Row(rs.getString("activity_id").trim(), rs.getString("volunteer_id").trim(),
                        rs.getString("centre_id"), Rows.date(rs, "activity_date"), rs.getInt("minutes"),
                        ActivityCategory.valueOf(rs.getString("category")), rs.getString("sealed_note"),
                        rs.getString("grant_id") == null ? null : rs.getString("grant_id").trim(),
                        rs.getBoolean("withdrawn"), rs.getBoolean("corrected"), Rows.instant(rs, "logged_at")))
                .stream().findFirst();
    }

    /** An activity as the log holds it; {@code note} is the sealed note's ciphertext. */
    private record Row(String activityId, String volunteerId, String centreId, LocalDate date, int minutes,
                       ActivityCategory category, String note, String grantId, boolean withdrawn, boolean corrected,
                       Instant loggedAt) {

        Row asWithdrawn() {
            return new Row(activityId, volunteerId, centreId, date, minutes, category, note, grantId, true, corrected, loggedAt);
        }

        Row withoutNote() {
            return new Row(activityId, volunteerId, centreId, date, minutes, category, null, grantId, withdrawn, corrected, loggedAt);
        }

    }

    /** One activity in a batch: as stored before it (null: not in the log) and as the batch leaves it. */
    private static final class Change {
        /** Logged in this batch: inserted at its end unless the log has it already (a redelivered event). */
        final boolean logged;
        Row before;
        Row after;
        /** Corrected or withdrawn (or its note erased) in this batch. */
        boolean changed;

        Change(boolean logged, Row before, Row after) {
            this.logged = logged;
            this.before = before;
            this.after = after;
        }

    }

    /** The changes of one processor batch, written just before it commits. */
    private final class Batch {
        private final Map<String, Change> changes = new LinkedHashMap<>();
        private final Set<String> erasedVolunteers = new LinkedHashSet<>();
        /** Every figure an activity of this batch counted in, even for a moment: it has a row, as after one event at a time. */
        private final Map<List<Object>, long[]> centreFigures = new LinkedHashMap<>();
        private final Map<List<Object>, long[]> volunteerFigures = new LinkedHashMap<>();

        void logged(Row row) {
            if (changes.putIfAbsent(row.activityId(), new Change(true, null, row)) == null) { // logged twice in a batch: the first counts
                add(row, 0);
            }
        }

        void change(Change change, Row row) {
            change.after = row;
            change.changed = true;
            add(row, 0);
        }

        /** The activity as this batch has left it so far, read from the log if the batch has not touched it; null if unknown. */
        Change find(String activityId) {
            Change change = changes.get(activityId);
            if (change == null) {
                Row stored = stored(activityId).orElse(null);
                if (stored == null) {
                    return null;
                }
                change = new Change(false, stored, stored);
                changes.put(activityId, change);
            }
            return change;
        }

        void erased(String volunteerId) {
            erasedVolunteers.add(volunteerId);
            changes.values().stream().filter(c -> c.after.volunteerId().equals(volunteerId) && c.after.note() != null)
                    .forEach(c -> {
                        c.after = c.after.withoutNote();
                        c.changed = true;
                    });
        }

        void write() {
            insertLogged();
            List<Row> updates = changes.values().stream()
                    .filter(c -> c.before != null && c.changed && !c.after.equals(c.before))
                    .map(c -> c.after).toList();
            batch(tables.sql("""
                    update {activity_view} set activity_date = ?, minutes = ?, category = ?, sealed_note = ?, grant_id = ?,
                           withdrawn = ?, corrected = ?
                     where activity_id = ?"""), updates, (ps, row) -> {
                ps.setObject(1, row.date());
                ps.setInt(2, row.minutes());
                ps.setString(3, row.category().name());
                ps.setString(4, row.note());
                ps.setString(5, row.grantId());
                ps.setBoolean(6, row.withdrawn());
                ps.setBoolean(7, row.corrected());
                ps.setString(8, row.activityId());
            });
            batch(tables.sql("update {activity_view} set sealed_note = null where volunteer_id = ?"), List.copyOf(erasedVolunteers),
                    (ps, volunteerId) -> ps.setString(1, volunteerId));
            count();
        }

        /**
         * Inserts the activities logged in this batch. One the log has already (its event delivered
         * before) keeps its stored state, changed only by what this batch did to it after the log event.
         * Which ones those are is asked once for the whole batch, so the rest is a plain insert: the
         * PostgreSQL driver sends a batch of those as multi-row statements (reWriteBatchedInserts).
         */
        private void insertLogged() {
            List<Change> logged = changes.values().stream().filter(c -> c.logged).toList();
            Set<String> stored = storedOf(logged.stream().map(c -> c.after.activityId()).toList());
            batch(tables.sql("""
                    insert into {activity_view} (activity_id, volunteer_id, centre_id, activity_date, minutes, category,
                                               sealed_note, grant_id, withdrawn, corrected, logged_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""),
                    logged.stream().filter(c -> !stored.contains(c.after.activityId())).toList(), (ps, change) -> {
                Row row = change.after;
                ps.setString(1, row.activityId());
                ps.setString(2, row.volunteerId());
                ps.setString(3, row.centreId());
                ps.setObject(4, row.date());
                ps.setInt(5, row.minutes());
                ps.setString(6, row.category().name());
                ps.setString(7, row.note());
                ps.setString(8, row.grantId());
                ps.setBoolean(9, row.withdrawn());
                ps.setBoolean(10, row.corrected());
                ps.setObject(11, Rows.timestamp(row.loggedAt()));
            });
            for (Change change : logged) {
                if (stored.contains(change.after.activityId())) {
                    change.before = stored(change.after.activityId()).orElseThrow();
                    Row before = change.before;
                    Row after = change.after;
                    change.after = !change.changed ? before
                            : new Row(before.activityId(), before.volunteerId(), before.centreId(), after.date(), after.minutes(),
                            after.category(), after.note(), after.grantId(), before.withdrawn() || after.withdrawn(),
                            before.corrected() || after.corrected(), before.loggedAt());
                }
            }
        }

        /** Which of these activities the log holds already: one query per thousand. */
        private Set<String> storedOf(List<String> activityIds) {
            Set<String> stored = new HashSet<>();
            for (int from = 0; from < activityIds.size(); from += 1_000) {
                List<String> chunk = activityIds.subList(from, Math.min(activityIds.size(), from + 1_000));
                jdbc.query(tables.sql("select activity_id from {activity_view} where activity_id in (:ids)"), Map.of("ids", chunk),
                        (RowCallbackHandler) rs -> stored.add(rs.getString(1).trim()));
            }
            return stored;
        }

        /**
         * Changes every figure once, by the difference its activities made in this batch: a counted
         * (not withdrawn) activity adds itself to its centre's year and category and its volunteer's year.
         */
        private void count() {
            for (Change change : changes.values()) {
                add(change.before, -1);
                add(change.after, 1);
            }
            upsert(tables.sql("""
                    update {centre_activity_stats} set activities = activities + ?, minutes = minutes + ?
                     where centre_id = ? and funding_year = ? and category = ?"""), tables.sql("""
                    insert into {centre_activity_stats} (activities, minutes, centre_id, funding_year, category)
                    values (?, ?, ?, ?, ?)"""), centreFigures);
            upsert(tables.sql("""
                    update {volunteer_year_stats} set activities = activities + ?, minutes = minutes + ?
                     where volunteer_id = ? and activity_year = ?"""), tables.sql("""
                    insert into {volunteer_year_stats} (activities, minutes, volunteer_id, activity_year)
                    values (?, ?, ?, ?)"""), volunteerFigures);
        }

        /** Adds a counted activity to its figures ({@code sign} 1), takes it away (-1) or only marks them (0). */
        private void add(Row row, int sign) {
            if (row == null || row.withdrawn()) {
                return;
            }
            int year = row.date().getYear(); // the funding year is the calendar year
            long[] centre = centreFigures.computeIfAbsent(List.of(row.centreId(), year, row.category().name()), k -> new long[2]);
            centre[0] += sign;
            centre[1] += (long) sign * row.minutes();
            long[] volunteer = volunteerFigures.computeIfAbsent(List.of(row.volunteerId(), year), k -> new long[2]);
            volunteer[0] += sign;
            volunteer[1] += (long) sign * row.minutes();
        }

        /**
         * Adds each difference to its figure's row, inserting the rows that are not there yet (a figure
         * with no difference still gets its row, with zeros, as one event at a time would leave it).
         */
        private void upsert(String update, String insert, Map<List<Object>, long[]> differences) {
            List<Map.Entry<List<Object>, long[]>> figures = List.copyOf(differences.entrySet());
            ParameterizedPreparedStatementSetter<Map.Entry<List<Object>, long[]>> figure = (ps, entry) -> {
                ps.setLong(1, entry.getValue()[0]);
                ps.setLong(2, entry.getValue()[1]);
                List<Object> key = entry.getKey();
                for (int i = 0; i < key.size(); i++) {
                    ps.setObject(3 + i, key.get(i));
                }
            };
            int[] updated = batch(update, figures, figure);
            List<Map.Entry<List<Object>, long[]>> missing = new ArrayList<>();
            for (int i = 0; i < figures.size(); i++) {
                if (updated[i] == 0) {
                    missing.add(figures.get(i));
                }
            }
            batch(insert, missing, figure);
        }

        /** One JDBC batch: a single round trip for all rows (the driver pipelines the executions). */
        private <T> int[] batch(String sql, List<T> items, ParameterizedPreparedStatementSetter<T> setter) {
            if (items.isEmpty()) {
                return new int[0];
            }
            return jdbc.getJdbcOperations().batchUpdate(sql, new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    setter.setValues(ps, items.get(i));
                }

                @Override
                public int getBatchSize() {
                    return items.size();
                }
            });
        }
    }
}
