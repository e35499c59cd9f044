package nrw.komman.command.volunteer;

import nrw.komman.command.privacy.RetentionCandidates;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * The register of inactive volunteers in {@code volunteer_retention} (migration V13): one row per inactive,
 * not erased volunteer, with the day the inactivity began. Written in the caller's transaction (Axon's unit of
 * work binds the Spring transaction), so it commits or rolls back with the command's events. Holds no personal
 * data: ids and a date.
 */
@Component
public class JdbcVolunteerRetention implements VolunteerRetention, RetentionCandidates {

    private final JdbcTemplate jdbc;

    public JdbcVolunteerRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void deactivated(VolunteerId volunteerId, CentreId centreId, LocalDate on) {
        String id = volunteerId.toString();
        if (jdbc.update("update volunteer_retention set centre_id = ?, inactive_since = ? where volunteer_id = ?",
                centreId.value(), on, id) == 0) {
            jdbc.update("insert into volunteer_retention (volunteer_id, centre_id, inactive_since) values (?, ?, ?)",
                    id, centreId.value(), on);
        }
    }

    @Override
    public void reactivated(VolunteerId volunteerId) {
        jdbc.update("delete from volunteer_retention where volunteer_id = ?", volunteerId.toString());
    }

    @Override
    public void erased(VolunteerId volunteerId) {
        jdbc.update("delete from volunteer_retention where volunteer_id = ?", volunteerId.toString());
    }

    @Override
    public List<InactiveVolunteer> inactiveSinceOnOrBefore(LocalDate cutoff) {
        return jdbc.query("""
                select volunteer_id, centre_id, inactive_since from volunteer_retention
                 where inactive_since <= ? order by inactive_since, volunteer_id""",
                (rs, i) -> new InactiveVolunteer(VolunteerId.parse(rs.getString("volunteer_id").trim()),
                        new CentreId(rs.getString("centre_id")), rs.getObject("inactive_since", LocalDate.class)),
                cutoff);
    }
}
