package nrw.komman.command.volunteer;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The e-mail registry in two tables (migrations V10, V39): {@code volunteer_email} remembers every volunteer's
 * current fingerprint, centre, and whether the address is held without its claim; {@code active_email_claim}
 * holds the platform-wide claims. Two keys make it race-safe: the claim's primary key (one claim per address)
 * and the unique index on {@code (active_centre_id, fingerprint)} (one active volunteer per address within a
 * centre); of two concurrent inserts the second waits for the first transaction.
 * <p>
 * What a coordinator sees may depend only on their own centre (ADR 27): an address claimed in another centre
 * is taken on exactly the path of a free one, the same statements in the same order; only the number of rows
 * the claim's insert writes differs, and that is never told.
 * <p>
 * Runs in the caller's transaction (Axon's unit of work binds the Spring transaction, and the event store uses
 * the same data source): claims commit or roll back with the command's events.
 */
@Component
public class JdbcEmailRegistry implements EmailRegistry {

    private final JdbcTemplate jdbc;
    private final EmailFingerprint fingerprint;
    private final VolunteerCentres centres;

    public JdbcEmailRegistry(JdbcTemplate jdbc, @Value("${komman.personal-data.email-pepper:}") String pepper,
                             VolunteerCentres centres) {
        this.jdbc = jdbc;
        this.fingerprint = new EmailFingerprint(pepper);
        this.centres = centres;
    }

    @Override
    public void changeAddress(VolunteerId volunteerId, CentreId centreId, String email, boolean active) {
        if (email == null) {
            forget(volunteerId);
            return;
        }
        String id = volunteerId.toString();
        String newFingerprint = fingerprint.of(email);
        Optional<String> old = currentFingerprint(id);
        if (!active) {
            // an inactive volunteer claims nothing (release took the claim away) and counts in no centre
            remember(id, newFingerprint, centreId, false, false);
            return;
        }
        requireFreeInCentre(id, centreId, newFingerprint);
        boolean moved = old.isPresent() && !old.get().equals(newFingerprint);
        boolean hadOldClaim = moved && jdbc.update("delete from active_email_claim where volunteer_id = ?", id) > 0;
        boolean claimed = claim(id, newFingerprint);
        remember(id, newFingerprint, centreId, true, !claimed);
        if (hadOldClaim) {
            handOn(old.get());
        }
    }

    @Override
    public void release(VolunteerId volunteerId) {
        String id = volunteerId.toString();
        Optional<String> current = currentFingerprint(id);
        boolean hadClaim = jdbc.update("delete from active_email_claim where volunteer_id = ?", id) > 0;
        jdbc.update("update volunteer_email set active_centre_id = null, held_since = null where volunteer_id = ?", id);
        if (hadClaim && current.isPresent()) {
            handOn(current.get());
        }
    }

    @Override
    public void reclaim(VolunteerId volunteerId, CentreId centreId) {
        String id = volunteerId.toString();
        Optional<String> current = currentFingerprint(id);
        if (current.isEmpty()) {
            return;
        }
        requireFreeInCentre(id, centreId, current.get());
        boolean claimed = claim(id, current.get());
        remember(id, current.get(), centreId, true, !claimed);
    }

    @Override
    public void forget(VolunteerId volunteerId) {
        String id = volunteerId.toString();
        Optional<String> current = currentFingerprint(id);
        boolean hadClaim = jdbc.update("delete from active_email_claim where volunteer_id = ?", id) > 0;
        jdbc.update("delete from volunteer_email where volunteer_id = ?", id);
        if (hadClaim && current.isPresent()) {
            handOn(current.get());
        }
    }

    /**
     * Refuses an address that another active volunteer of the same centre has, claimed or held: a fact about
     * the coordinator's own centre. A claim remembered before V39 has no centre yet; it is looked up once.
     */
    private void requireFreeInCentre(String volunteerId, CentreId centreId, String fp) {
        List<String> sameCentre = jdbc.queryForList("""
                select volunteer_id from volunteer_email
                 where fingerprint = ? and active_centre_id = ? and volunteer_id <> ?""",
                String.class, fp, centreId.value(), volunteerId);
        if (!sameCentre.isEmpty()) {
            throw EmailRegistry.alreadyTaken();
        }
        List<String> unplacedHolders = jdbc.queryForList("""
                select c.volunteer_id from active_email_claim c join volunteer_email e on e.volunteer_id = c.volunteer_id
                 where c.fingerprint = ? and c.volunteer_id <> ? and e.active_centre_id is null""",
                String.class, fp, volunteerId);
        for (String holder : unplacedHolders) {
            Optional<CentreId> holderCentre = centres.registeredIn(VolunteerId.parse(holder.strip()));
            if (holderCentre.isPresent()) {
                jdbc.update("update volunteer_email set centre_id = ?, active_centre_id = ? where volunteer_id = ?",
                        holderCentre.get().value(), holderCentre.get().value(), holder);
                if (holderCentre.get().equals(centreId)) {
                    throw EmailRegistry.alreadyTaken();
                }
            }
        }
    }

    /**
     * Takes the address's claim if it is free (or already this volunteer's); otherwise leaves it where it is.
     * {@code on conflict do nothing} waits for a concurrent claim's transaction and then writes nothing, without
     * failing this transaction (a failed insert would abort it on PostgreSQL). H2 knows the clause in its
     * PostgreSQL mode, in which the platform runs it.
     *
     * @return whether the volunteer holds the claim now
     */
    private boolean claim(String volunteerId, String fp) {
        jdbc.update("insert into active_email_claim (fingerprint, volunteer_id) values (?, ?) on conflict do nothing",
                fp, volunteerId);
        // asked on both paths, so that a free and a held address cost the same statements
        return volunteerId.equals(holderOf(fp).orElse(null));
    }

    /** A freed claim goes to the volunteer who has held the address longest (within this transaction). */
    private void handOn(String fp) {
        List<String> waiting = jdbc.queryForList("""
                select volunteer_id from volunteer_email
                 where fingerprint = ? and held_since is not null and active_centre_id is not null
                 order by held_since, volunteer_id fetch first 1 rows only""", String.class, fp);
        for (String next : waiting) {
            if (jdbc.update("insert into active_email_claim (fingerprint, volunteer_id) values (?, ?) on conflict do nothing",
                    fp, next) == 1) {
                jdbc.update("update volunteer_email set held_since = null where volunteer_id = ?", next);
            }
        }
    }

    private void remember(String volunteerId, String fp, CentreId centreId, boolean active, boolean held) {
        String activeCentre = active ? centreId.value() : null;
        try {
            if (jdbc.update("""
                    update volunteer_email set fingerprint = ?, centre_id = ?, active_centre_id = ?,
                           held_since = case when ? then coalesce(held_since, current_timestamp) else null end
                     where volunteer_id = ?""", fp, centreId.value(), activeCentre, held, volunteerId) == 0) {
                jdbc.update("""
                        insert into volunteer_email (volunteer_id, fingerprint, centre_id, active_centre_id, held_since)
                        values (?, ?, ?, ?, case when ? then current_timestamp else null end)""",
                        volunteerId, fp, centreId.value(), activeCentre, held);
            }
        } catch (DataIntegrityViolationException e) {
            // a concurrent registration in the same centre committed the same address first
            throw EmailRegistry.alreadyTaken();
        }
    }

    private Optional<String> holderOf(String fp) {
        return jdbc.queryForList("select volunteer_id from active_email_claim where fingerprint = ?", String.class, fp)
                .stream().map(String::strip).findFirst();
    }

    private Optional<String> currentFingerprint(String volunteerId) {
        return jdbc.queryForList("select fingerprint from volunteer_email where volunteer_id = ?", String.class, volunteerId)
                .stream().findFirst();
    }
}
