package nrw.komman.command.volunteer;

import nrw.komman.kernel.volunteer.VolunteerId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The e-mail registry in two tables (migration V10): {@code volunteer_email} remembers every
 * volunteer's current fingerprint, {@code active_email_claim} holds the claims of active volunteers.
 * The primary key of {@code active_email_claim} makes the check race-safe: of two concurrent
 * inserts of the same fingerprint the second waits for the first transaction and then fails.
 * <p>
 * Runs in the caller's transaction (Axon's unit of work binds the Spring transaction, and the
 * event store uses the same data source): claims commit or roll back with the command's events.
 */
@Component
public class JdbcEmailRegistry implements EmailRegistry {

    private final JdbcTemplate jdbc;
    private final EmailFingerprint fingerprint;

    public JdbcEmailRegistry(JdbcTemplate jdbc, @Value("${komman.personal-data.email-pepper:}") String pepper) {
        this.jdbc = jdbc;
        this.fingerprint = new EmailFingerprint(pepper);
    }

    @Override
    public void changeAddress(VolunteerId volunteerId, String email, boolean active) {
        String id = volunteerId.toString();
        String newFingerprint = email == null ? null : fingerprint.of(email);
        if (active) {
            // claim first: a refusal then leaves everything as it was
            if (newFingerprint == null) {
                jdbc.update("delete from active_email_claim where volunteer_id = ?", id);
            } else {
                claim(id, newFingerprint);
            }
        }
        remember(id, newFingerprint);
    }

    @Override
    public void release(VolunteerId volunteerId) {
        jdbc.update("delete from active_email_claim where volunteer_id = ?", volunteerId.toString());
    }

    @Override
    public void reclaim(VolunteerId volunteerId) {
        String id = volunteerId.toString();
        currentFingerprint(id).ifPresent(fp -> claim(id, fp));
    }

    @Override
    public void forget(VolunteerId volunteerId) {
        String id = volunteerId.toString();
        jdbc.update("delete from active_email_claim where volunteer_id = ?", id);
        jdbc.update("delete from volunteer_email where volunteer_id = ?", id);
    }

    private void claim(String volunteerId, String fp) {
        List<String> holders = jdbc.queryForList(
                "select volunteer_id from active_email_claim where fingerprint = ?", String.class, fp);
        if (!holders.isEmpty()) {
            if (holders.get(0).equals(volunteerId)) {
                return; // already this volunteer's claim
            }
            throw EmailRegistry.alreadyTaken();
        }
        jdbc.update("delete from active_email_claim where volunteer_id = ?", volunteerId); // an earlier address
        try {
            jdbc.update("insert into active_email_claim (fingerprint, volunteer_id) values (?, ?)", fp, volunteerId);
        } catch (DataIntegrityViolationException e) {
            // a concurrent registration committed the same fingerprint first
            throw EmailRegistry.alreadyTaken();
        }
    }

    private void remember(String volunteerId, String fp) {
        if (fp == null) {
            jdbc.update("delete from volunteer_email where volunteer_id = ?", volunteerId);
        } else if (jdbc.update("update volunteer_email set fingerprint = ? where volunteer_id = ?", fp, volunteerId) == 0) {
            jdbc.update("insert into volunteer_email (volunteer_id, fingerprint) values (?, ?)", volunteerId, fp);
        }
    }

    private Optional<String> currentFingerprint(String volunteerId) {
        return jdbc.queryForList("select fingerprint from volunteer_email where volunteer_id = ?", String.class, volunteerId)
                .stream().findFirst();
    }
}
