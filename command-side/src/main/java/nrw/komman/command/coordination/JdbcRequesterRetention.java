package nrw.komman.command.coordination;

import nrw.komman.command.privacy.EndedHelpRequests;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.coordination.HelpRequestId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * The register of ended requests in {@code help_request_retention} (migration V40), written in the caller's
 * transaction. Ids and a date only.
 */
@Component
public class JdbcRequesterRetention implements RequesterRetention, EndedHelpRequests {

    private final JdbcTemplate jdbc;

    public JdbcRequesterRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void ended(HelpRequestId requestId, CentreId centreId, LocalDate on) {
        String id = requestId.toString();
        if (jdbc.update("update help_request_retention set centre_id = ?, ended_on = ? where request_id = ?",
                centreId.value(), on, id) == 0) {
            jdbc.update("insert into help_request_retention (request_id, centre_id, ended_on) values (?, ?, ?)",
                    id, centreId.value(), on);
        }
    }

    @Override
    public void erased(HelpRequestId requestId) {
        jdbc.update("delete from help_request_retention where request_id = ?", requestId.toString());
    }

    @Override
    public List<EndedHelpRequest> endedOnOrBefore(LocalDate cutoff) {
        return jdbc.query("""
                        select request_id, centre_id, ended_on from help_request_retention
                         where ended_on <= ? order by ended_on, request_id""",
                (rs, i) -> new EndedHelpRequest(HelpRequestId.parse(rs.getString("request_id").trim()),
                        new CentreId(rs.getString("centre_id")), rs.getObject("ended_on", LocalDate.class)),
                cutoff);
    }
}
