package nrw.komman.query.centre;

import nrw.komman.kernel.centre.CentreClosedEvent;
import nrw.komman.kernel.centre.CentreClosureProposedEvent;
import nrw.komman.kernel.centre.CentreClosureWithdrawnEvent;
import nrw.komman.kernel.centre.CentreEstablishedEvent;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Actor;
import nrw.komman.query.common.ProcessingGroups;
import nrw.komman.query.common.RebuildableProjection;
import nrw.komman.query.common.TableNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Projects the centres into {@code centre_view}. Owned by {@code centre-views}. */
@Component
@ProcessingGroup(ProcessingGroups.CENTRE_VIEWS)
public class CentreProjection implements RebuildableProjection {

    /** The tables it writes (ADR 17). */
    private static final TableNames TABLES = TableNames.of("centre_view");

    private final NamedParameterJdbcTemplate jdbc;
    private final TableNames tables;

    @Autowired
    public CentreProjection(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, TABLES);
    }

    private CentreProjection(NamedParameterJdbcTemplate jdbc, TableNames tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    @Override
    public TableNames tables() {
        return tables;
    }

    @Override
    public CentreProjection copyOver(TableNames generation) {
        return new CentreProjection(jdbc, generation);
    }

    @EventHandler
    public void on(CentreEstablishedEvent event) {
        Regierungsbezirk region = event.regierungsbezirk() != null
                ? event.regierungsbezirk() : event.centreId().regierungsbezirk();
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("centreId", event.centreId().value())
                .addValue("name", event.name())
                .addValue("type", event.type())
                .addValue("region", region.name())
                .addValue("establishedOn", event.establishedOn());
        // sets the whole state: a centre established again (after closing) is open again
        int updated = jdbc.update(tables.sql("""
                update {centre_view} set name = :name, centre_type = :type, region = :region,
                       established_on = :establishedOn, closed_on = null
                 where centre_id = :centreId"""), p);
        if (updated == 0) {
            jdbc.update(tables.sql("""
                    insert into {centre_view} (centre_id, name, centre_type, region, established_on, closed_on)
                    values (:centreId, :name, :type, :region, :establishedOn, null)"""), p);
        }
    }

    /** A proposal to close the centre: shown as pending until confirmed or withdrawn (ADR 26). */
    @EventHandler
    public void on(CentreClosureProposedEvent event, MetaData metaData) {
        jdbc.update(tables.sql("""
                update {centre_view} set closure_proposed_for = :closedOn, closure_reason = :reason,
                       closure_proposed_by = :proposedBy
                 where centre_id = :centreId"""),
                new MapSqlParameterSource()
                        .addValue("centreId", event.centreId().value())
                        .addValue("closedOn", event.closedOn())
                        .addValue("reason", event.reason())
                        .addValue("proposedBy", metaData.get(Actor.ACCOUNT)));
    }

    @EventHandler
    public void on(CentreClosureWithdrawnEvent event) {
        clearProposal(event.centreId().value());
    }

    private void clearProposal(String centreId) {
        jdbc.update(tables.sql("""
                update {centre_view} set closure_proposed_for = null, closure_reason = null, closure_proposed_by = null
                 where centre_id = :centreId"""), new MapSqlParameterSource("centreId", centreId));
    }

    @EventHandler
    public void on(CentreClosedEvent event) {
        clearProposal(event.centreId().value()); // the confirmation ends the proposal
        jdbc.update(tables.sql("update {centre_view} set closed_on = :closedOn where centre_id = :centreId"),
                new MapSqlParameterSource()
                        .addValue("centreId", event.centreId().value())
                        .addValue("closedOn", event.closedOn()));
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcOperations().update(tables.sql("delete from {centre_view}"));
    }
}
