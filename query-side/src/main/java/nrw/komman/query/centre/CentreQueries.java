package nrw.komman.query.centre;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.ClosureProposal;
import nrw.komman.kernel.centre.FindCentreQuery;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.query.common.ReadAccess;
import nrw.komman.query.common.Rows;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Answers questions about centres: every authenticated role may ask (centres are public facts). */
@Component
public class CentreQueries {

    private static final String SELECT = """
            select centre_id, name, centre_type, region, established_on, closed_on,
                   closure_proposed_for, closure_reason, closure_proposed_by from centre_view""";

    private static final RowMapper<CentreView> ROW = (rs, i) -> {
        LocalDate closedOn = Rows.date(rs, "closed_on");
        LocalDate proposedFor = Rows.date(rs, "closure_proposed_for");
        ClosureProposal pending = proposedFor == null ? null
                : new ClosureProposal(proposedFor, rs.getString("closure_reason"), rs.getString("closure_proposed_by"));
        return new CentreView(new CentreId(rs.getString("centre_id")), rs.getString("name"),
                rs.getString("centre_type"), Regierungsbezirk.valueOf(rs.getString("region")),
                closedOn == null, Rows.date(rs, "established_on"), closedOn, pending);
    };

    private final NamedParameterJdbcTemplate jdbc;

    public CentreQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public List<CentreView> handle(FindCentresQuery query, MetaData metaData) {
        ReadAccess.actor(metaData);
        return jdbc.query(SELECT + " order by centre_id", ROW);
    }

    @QueryHandler
    public CentreView handle(FindCentreQuery query, MetaData metaData) {
        ReadAccess.actor(metaData);
        if (query.centreId() == null) {
            throw new InvalidInputException("centreId.missing", "Der Schlüssel des Zentrums fehlt.");
        }
        return jdbc.query(SELECT + " where centre_id = :centreId", Map.of("centreId", query.centreId().value()), ROW)
                .stream().findFirst()
                .orElseThrow(() -> unknownCentre(query.centreId()));
    }

    /** The refusal of an unknown centre key, shared by the queries that name a centre. */
    public static NotFoundException unknownCentre(CentreId centreId) {
        return new NotFoundException("centre.not-found",
                "Ein Integrationszentrum mit dem Schlüssel " + centreId.value() + " ist nicht bekannt.");
    }

    /**
     * The door to a centre's personal-data views (roster, activity log, dashboard): a coordinator of that
     * centre, the centre named and known. Checked in this order, so nobody learns which centres exist.
     */
    public static void requireOwnKnownCentre(NamedParameterJdbcTemplate jdbc, MetaData metaData, CentreId centreId) {
        Actor actor = ReadAccess.actor(metaData);
        ReadAccess.requireCoordinator(actor);
        if (centreId == null) {
            throw new InvalidInputException("centreId.missing", "Das Integrationszentrum fehlt.");
        }
        ReadAccess.requirePersonalDataOf(actor, centreId);
        if (!exists(jdbc, centreId)) {
            throw unknownCentre(centreId);
        }
    }

    /** True when the centre is known to the read model. */
    public static boolean exists(NamedParameterJdbcTemplate jdbc, CentreId centreId) {
        Integer count = jdbc.queryForObject("select count(*) from centre_view where centre_id = :centreId",
                Map.of("centreId", centreId.value()), Integer.class);
        return count != null && count > 0;
    }
}
