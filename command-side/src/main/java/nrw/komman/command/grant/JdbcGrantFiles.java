package nrw.komman.command.grant;

import nrw.komman.command.privacy.DueGrantFiles;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.grant.GrantId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** The register of grant files in {@code grant_file_retention} (migration V13), in the caller's transaction. */
@Component
public class JdbcGrantFiles implements GrantFiles, DueGrantFiles {

    private final JdbcTemplate jdbc;

    public JdbcGrantFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void usageReported(GrantId grantId, CentreId centreId, int fundingYear, LocalDate reportedOn) {
        String id = grantId.toString();
        if (jdbc.update("update grant_file_retention set centre_id = ?, funding_year = ?, reported_on = ? where grant_id = ?",
                centreId.value(), fundingYear, reportedOn, id) == 0) {
            jdbc.update("insert into grant_file_retention (grant_id, centre_id, funding_year, reported_on) values (?, ?, ?, ?)",
                    id, centreId.value(), fundingYear, reportedOn);
        }
    }

    @Override
    public int reportedOnOrBefore(LocalDate cutoff) {
        Integer count = jdbc.queryForObject("select count(*) from grant_file_retention where reported_on <= ?",
                Integer.class, cutoff);
        return count == null ? 0 : count;
    }
}
