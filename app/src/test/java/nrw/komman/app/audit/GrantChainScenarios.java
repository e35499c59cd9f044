package nrw.komman.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Response;
import nrw.komman.app.support.TestAccounts;
import nrw.komman.command.grant.audit.GrantChainSealing;
import nrw.komman.kernel.audit.ChainVerification;
import nrw.komman.kernel.audit.VerifyGrantChainQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.DomainException;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.grant.GrantId;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nrw.komman.app.support.Requests.grant;
import static nrw.komman.app.support.TestAccounts.ADMIN;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.KOELN_CENTRE;
import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static nrw.komman.app.support.TestAccounts.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The grant hash chain end to end: grants made through the HTTP API are chained in the transaction of
 * each command, the chain verifies, and tampering with the stored events directly in the database is
 * detected and named. Each tampering works on a grant of its own. Implemented once per database.
 */
public interface GrantChainScenarios {

    Api api();

    JdbcTemplate jdbc();

    QueryGateway queries();

    GrantChainSealing sealing();

    LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/Berlin"));
    Actor AUDITOR = Actor.of(TestAccounts.AUDITOR.username(), AccountRole.AUDITOR);
    ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    default void accounts() {
        TestAccounts.createAll(api());
    }

    // ---------------------------------------------------------------- writing and verifying

    @Test
    default void each_command_writes_its_link_in_its_own_transaction_and_both_lifecycles_verify() {
        Response applied = api().post("/api/grants", grant(TODAY.getYear(), "1000.00"), KOELN);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String rejected = applied.text("grantId");
        assertThat(links(rejected)).as("the link is there as soon as the command answered").hasSize(1);
        assertOk(api().post("/api/grants/" + rejected + "/review", Map.of("recommendation", "REJECT", "note", "nicht förderfähig"), OFFICER));
        assertThat(links(rejected)).hasSize(2);
        assertOk(api().post("/api/grants/" + rejected + "/rejection", Map.of("reason", "Maßnahme bereits begonnen"), MINISTRY));
        assertThat(links(rejected)).hasSize(3);
        assertThat(linkedEventIdentifiers(rejected)).isEqualTo(storedEventIdentifiers(rejected));

        String withdrawn = withdrawnGrant();
        assertThat(linkedEventIdentifiers(withdrawn)).hasSize(2).isEqualTo(storedEventIdentifiers(withdrawn));

        for (String grantId : List.of(rejected, withdrawn)) {
            ChainVerification v = verify(grantId);
            assertThat(v.problems()).as(grantId).isEmpty();
            assertThat(v.intact()).isTrue();
            assertThat(v.verified()).isTrue();
            assertThat(v.grantId()).isEqualTo(GrantId.parse(grantId));
            assertThat(v.length()).isEqualTo(links(grantId).size());
            assertThat(v.head()).matches("[0-9a-f]{64}").isEqualTo(links(grantId).get(links(grantId).size() - 1));
            assertThat(v.matchesExpected()).isNull();
            assertThat(verify(grantId, v.head(), v.length(), AUDITOR).matchesExpected()).isTrue();
        }
        assertThat(verify(rejected).head()).isNotEqualTo(verify(withdrawn).head());
        assertThat(jdbc().queryForObject("select count(*) from grant_audit_chain where grant_id = ?", Integer.class, KOELN_CENTRE))
                .as("only grants are chained, not the centre's events").isZero();
    }

    @Test
    default void the_readers_of_grant_histories_may_verify_and_nobody_else() {
        String grantId = withdrawnGrant();

        assertThat(verify(grantId, null, null, Actor.of(MINISTRY.username(), AccountRole.MINISTRY)).intact()).isTrue();
        assertThat(verify(grantId, null, null, Actor.of(OFFICER.username(), AccountRole.GRANT_OFFICER)).intact()).isTrue();
        assertThat(verify(grantId, null, null, Actor.coordinator(KOELN.username(), new CentreId(KOELN_CENTRE))).intact()).isTrue();
        assertThat(refusal(() -> verify(grantId, null, null, Actor.coordinator("duesseldorf.koordination",
                new CentreId(TestAccounts.DUESSELDORF_CENTRE))))).isInstanceOf(ForbiddenException.class);
        assertThat(refusal(() -> verify(grantId, null, null, Actor.of(ADMIN.username(), AccountRole.ADMINISTRATOR))))
                .isInstanceOf(ForbiddenException.class);
        assertThat(refusal(() -> verify(UUID.randomUUID().toString()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    default void reserialising_a_stored_payload_with_other_key_order_and_whitespace_is_not_a_change() {
        String grantId = rejectedGrant();
        String head = verify(grantId).head();

        JsonNode payload = readJson(payload(grantId, 0));
        ObjectNode reversed = JSON.createObjectNode();
        List<String> names = new ArrayList<>();
        payload.fieldNames().forEachRemaining(names::add);
        Collections.reverse(names);
        names.forEach(name -> reversed.set(name, payload.get(name)));
        setPayload(grantId, 0, "\n  " + reversed.toPrettyString() + "  \n");

        ChainVerification v = verify(grantId);
        assertThat(v.problems()).isEmpty();
        assertThat(v.head()).isEqualTo(head);
    }

    // ---------------------------------------------------------------- tampering

    @Test
    default void an_altered_amount_in_a_payload_is_detected() {
        String grantId = withdrawnGrant();
        String payload = payload(grantId, 0);
        assertThat(payload).contains("\"requestedAmount\":\"1234.00\"");

        setPayload(grantId, 0, payload.replace("\"requestedAmount\":\"1234.00\"", "\"requestedAmount\":\"9234.00\""));

        assertBroken(grantId, "Ereignis 0 wurde nach dem Schreiben verändert.");
    }

    @Test
    default void an_altered_reason_in_a_payload_is_detected() {
        String grantId = rejectedGrant();
        String payload = payload(grantId, 2);
        assertThat(payload).contains("Maßnahme bereits begonnen");

        setPayload(grantId, 2, payload.replace("bereits", "noch nicht"));

        assertBroken(grantId, "Ereignis 2 wurde nach dem Schreiben verändert.");
    }

    @Test
    default void an_altered_actor_in_the_metadata_is_detected() {
        String grantId = rejectedGrant();
        String metaData = metaData(grantId, 1);
        assertThat(metaData).contains(OFFICER.username());

        setMetaData(grantId, 1, metaData.replace(OFFICER.username(), "someone.else"));

        assertBroken(grantId, "Ereignis 1 wurde nach dem Schreiben verändert.");
    }

    @Test
    default void an_event_deleted_in_the_middle_is_detected() {
        String grantId = rejectedGrant();

        assertThat(jdbc().update("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = 1", grantId)).isOne();

        assertBroken(grantId, "Ereignis 1 fehlt im Ereignisspeicher: es ist verkettet, wurde aber gelöscht.");
    }

    @Test
    default void the_last_event_deleted_with_its_link_leaves_an_intact_chain_that_misses_the_exported_head() {
        String grantId = rejectedGrant();
        ChainVerification exported = verify(grantId);
        assertThat(exported.length()).isEqualTo(3);

        jdbc().update("delete from domain_event_entry where aggregate_identifier = ? and sequence_number = 2", grantId);
        jdbc().update("delete from grant_audit_chain where grant_id = ? and sequence_number = 2", grantId);

        ChainVerification v = verify(grantId, exported.head(), exported.length(), AUDITOR);
        assertThat(v.intact()).as("what is left is consistent").isTrue();
        assertThat(v.length()).isEqualTo(2);
        assertThat(v.head()).isNotEqualTo(exported.head());
        assertThat(v.matchesExpected()).as("but it is not what was exported").isFalse();
        assertThat(v.verified()).isFalse();
        assertThat(verify(grantId).verified()).as("without the exported head nobody could tell").isTrue();
    }

    @Test
    default void swapped_sequence_numbers_are_detected() {
        String grantId = rejectedGrant();

        jdbc().update("update domain_event_entry set sequence_number = 1000 where aggregate_identifier = ? and sequence_number = 1", grantId);
        jdbc().update("update domain_event_entry set sequence_number = 1 where aggregate_identifier = ? and sequence_number = 2", grantId);
        jdbc().update("update domain_event_entry set sequence_number = 2 where aggregate_identifier = ? and sequence_number = 1000", grantId);

        assertBroken(grantId, "Die Ereignisse 1 und 2 wurden vertauscht (Reihenfolge verändert).");
    }

    @Test
    default void an_altered_time_stamp_is_detected() {
        String grantId = withdrawnGrant();
        String stored = jdbc().queryForObject("select time_stamp from domain_event_entry where aggregate_identifier = ? and sequence_number = 1",
                String.class, grantId);

        jdbc().update("update domain_event_entry set time_stamp = ? where aggregate_identifier = ? and sequence_number = 1",
                Instant.parse(stored).minusSeconds(86_400).toString(), grantId);

        assertBroken(grantId, "Ereignis 1 wurde nach dem Schreiben verändert.");
    }

    @Test
    default void an_event_whose_link_was_removed_is_detected() {
        String grantId = rejectedGrant();

        jdbc().update("delete from grant_audit_chain where grant_id = ? and sequence_number = 2", grantId);

        assertBroken(grantId, "Ereignis 2 ist nicht verkettet: es wurde nachträglich eingefügt, oder sein Kettenglied wurde entfernt.");
    }

    // ---------------------------------------------------------------- failure and upgrade

    @Test
    default void a_link_that_cannot_be_written_rolls_the_command_back() {
        Response applied = api().post("/api/grants", grant(TODAY.getYear(), "1000.00"), KOELN);
        String grantId = applied.text("grantId");
        jdbc().update("insert into grant_audit_chain (grant_id, sequence_number, event_identifier, link, recorded_at) values (?, 1, ?, ?, ?)",
                grantId, "conflicting-" + UUID.randomUUID(), "0".repeat(64), Timestamp.from(Instant.now()));

        Response review = api().post("/api/grants/" + grantId + "/review", Map.of("recommendation", "REJECT", "note", "x"), OFFICER);

        assertThat(review.status()).as(review.toString()).isEqualTo(500);
        assertThat(storedEventIdentifiers(grantId)).as("the review's event rolled back with the failed link").hasSize(1);
        assertThat(api().get("/api/grants/" + grantId, KOELN).json().path("status").asText()).isEqualTo("APPLIED");

        jdbc().update("delete from grant_audit_chain where grant_id = ? and sequence_number = 1", grantId);
        assertOk(api().post("/api/grants/" + grantId + "/review", Map.of("recommendation", "REJECT", "note", "x"), OFFICER));
        assertThat(verify(grantId).verified()).isTrue();
        assertThat(verify(grantId).length()).isEqualTo(2);
    }

    @Test
    default void histories_from_before_the_chain_are_sealed_once_at_the_upgrade_and_never_again() {
        assertThat(jdbc().queryForObject("select sealed_at from grant_audit_chain_sealing where id = 1", Timestamp.class))
                .as("the first start sealed (nothing, on a new database) and marked it done").isNotNull();
        String grantId = rejectedGrant();
        String head = verify(grantId).head();

        // as if written before the release: events, no links
        jdbc().update("delete from grant_audit_chain where grant_id = ?", grantId);
        assertThat(sealing().sealHistoriesWrittenBeforeTheChain().grants()).as("done once, never again").isZero();
        ChainVerification unsealed = verify(grantId);
        assertThat(unsealed.intact()).isFalse();
        assertThat(unsealed.problems()).hasSize(3).allSatisfy(p -> assertThat(p).contains("nicht verkettet"));

        // the upgrade: V11 leaves the sealing pending
        jdbc().update("update grant_audit_chain_sealing set sealed_at = null where id = 1");
        GrantChainSealing.Sealed sealed = sealing().sealHistoriesWrittenBeforeTheChain();

        assertThat(sealed.grants()).isGreaterThanOrEqualTo(1);
        assertThat(sealed.events()).isGreaterThanOrEqualTo(3);
        ChainVerification v = verify(grantId);
        assertThat(v.verified()).isTrue();
        assertThat(v.head()).as("the same construction as the writer's").isEqualTo(head);
        assertThat(sealing().sealHistoriesWrittenBeforeTheChain().grants()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private String rejectedGrant() {
        String grantId = api().post("/api/grants", grant(TODAY.getYear(), "1000.00"), KOELN).text("grantId");
        assertOk(api().post("/api/grants/" + grantId + "/review", Map.of("recommendation", "REJECT", "note", "nicht förderfähig"), OFFICER));
        assertOk(api().post("/api/grants/" + grantId + "/rejection", Map.of("reason", "Maßnahme bereits begonnen"), MINISTRY));
        return grantId;
    }

    private String withdrawnGrant() {
        String grantId = api().post("/api/grants", grant(TODAY.getYear(), "1234.00"), KOELN).text("grantId");
        assertOk(api().post("/api/grants/" + grantId + "/withdrawal", Map.of("reason", "Maßnahme entfällt"), KOELN));
        return grantId;
    }

    private static void assertOk(Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
    }

    private void assertBroken(String grantId, String problem) {
        ChainVerification v = verify(grantId);
        assertThat(v.intact()).as("%s", v.problems()).isFalse();
        assertThat(v.verified()).isFalse();
        assertThat(v.problems()).contains(problem);
    }

    private ChainVerification verify(String grantId) {
        return verify(grantId, null, null, AUDITOR);
    }

    private ChainVerification verify(String grantId, String expectedHead, Integer expectedLength, Actor actor) {
        VerifyGrantChainQuery query = new VerifyGrantChainQuery(GrantId.parse(grantId), expectedHead, expectedLength);
        return queries().query(new GenericMessage<>(query, MetaData.from(actor.toMetaData())), ChainVerification.class).join();
    }

    private static DomainException refusal(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DomainException refusal) {
                    return refusal;
                }
            }
            throw e;
        }
        return fail("refusal expected");
    }

    private List<String> links(String grantId) {
        return jdbc().queryForList("select link from grant_audit_chain where grant_id = ? order by sequence_number", String.class, grantId)
                .stream().map(String::trim).toList();
    }

    private List<String> linkedEventIdentifiers(String grantId) {
        return jdbc().queryForList("select event_identifier from grant_audit_chain where grant_id = ? order by sequence_number",
                String.class, grantId);
    }

    private List<String> storedEventIdentifiers(String grantId) {
        return jdbc().queryForList("select event_identifier from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                String.class, grantId);
    }

    private String payload(String grantId, long sequence) {
        return new String(jdbc().queryForObject("select payload from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                byte[].class, grantId, sequence), StandardCharsets.UTF_8);
    }

    private void setPayload(String grantId, long sequence, String json) {
        assertThat(jdbc().update("update domain_event_entry set payload = ? where aggregate_identifier = ? and sequence_number = ?",
                json.getBytes(StandardCharsets.UTF_8), grantId, sequence)).isOne();
    }

    private String metaData(String grantId, long sequence) {
        return new String(jdbc().queryForObject("select meta_data from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                byte[].class, grantId, sequence), StandardCharsets.UTF_8);
    }

    private void setMetaData(String grantId, long sequence, String json) {
        assertThat(jdbc().update("update domain_event_entry set meta_data = ? where aggregate_identifier = ? and sequence_number = ?",
                json.getBytes(StandardCharsets.UTF_8), grantId, sequence)).isOne();
    }

    private static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
