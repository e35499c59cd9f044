package nrw.komman.query.privacy;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.privacy.PlanRetentionQuery;
import nrw.komman.kernel.privacy.RetentionPlan;
import nrw.komman.kernel.privacy.RetentionPlan.DueGrantFile;
import nrw.komman.kernel.privacy.RetentionPlan.DueVolunteer;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.common.ReadAccess;
import nrw.komman.query.common.Rows;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The dry run of the retention rules (ADR 9), for administrators: the volunteers whose personal data a run
 * would erase today (inactive, not erased, inactive since {@code inactive-volunteers-years} full years or more)
 * and the grant files whose keeping period has ended ({@code grant-file-years} full years or more after the
 * usage report). The run itself decides on the command side, from its own register and each volunteer's own
 * state, with the same properties and the same cutoffs.
 */
@Component
public class RetentionPlanQueries {

    static final int DEFAULT_INACTIVE_VOLUNTEERS_YEARS = 3;
    static final int DEFAULT_GRANT_FILE_YEARS = 5;

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataVault vault;
    private final Clock clock;
    private final int inactiveYears;
    private final int grantFileYears;

    @Autowired
    public RetentionPlanQueries(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault, ObjectProvider<Clock> clock,
                                @Value("${komman.retention.inactive-volunteers-years:" + DEFAULT_INACTIVE_VOLUNTEERS_YEARS + "}") int inactiveYears,
                                @Value("${komman.retention.grant-file-years:" + DEFAULT_GRANT_FILE_YEARS + "}") int grantFileYears) {
        this(jdbc, vault, clock.getIfAvailable(Nrw::systemClock), inactiveYears, grantFileYears);
    }

    public RetentionPlanQueries(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault, Clock clock, int inactiveYears,
                                int grantFileYears) {
        if (inactiveYears < 1 || grantFileYears < 1) {
            throw new IllegalStateException("komman.retention.inactive-volunteers-years and komman.retention.grant-file-years "
                    + "must be at least 1 (years)");
        }
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
        this.inactiveYears = inactiveYears;
        this.grantFileYears = grantFileYears;
    }

    @QueryHandler
    public RetentionPlan handle(PlanRetentionQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        ReadAccess.requireAdministrator(actor);
        // "today" as the command side counts it: in Berlin, whatever zone the clock runs in
        LocalDate today = Nrw.today(clock);
        List<DueVolunteer> volunteers = jdbc.query("""
                        select volunteer_id, centre_id, inactive_since from volunteer_view
                         where status = 'INACTIVE' and erased = false and inactive_since <= :cutoff
                         order by inactive_since, volunteer_id""",
                        Map.of("cutoff", today.minusYears(inactiveYears)),
                        (rs, i) -> new DueVolunteer(VolunteerId.parse(rs.getString("volunteer_id").trim()),
                                new CentreId(rs.getString("centre_id")), Rows.date(rs, "inactive_since")))
                .stream()
                .filter(v -> !vault.isShredded(v.volunteerId())) // erased a moment ago, projection not there yet
                .toList();
        List<DueGrantFile> grantFiles = jdbc.query("""
                        select grant_id, centre_id, funding_year, reported_on from grant_view
                         where reported_on <= :cutoff
                         order by reported_on, grant_id""",
                Map.of("cutoff", today.minusYears(grantFileYears)),
                (rs, i) -> new DueGrantFile(rs.getString("grant_id").trim(), new CentreId(rs.getString("centre_id")),
                        rs.getInt("funding_year"), Rows.date(rs, "reported_on")));
        return new RetentionPlan(today, inactiveYears, grantFileYears, volunteers, grantFiles);
    }
}
