package nrw.komman.command.grant.audit;

import nrw.komman.command.grant.audit.GrantChainTables.ChainLink;
import nrw.komman.kernel.audit.ChainVerification;
import nrw.komman.kernel.grant.GrantId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static nrw.komman.command.grant.audit.ChainFixtures.applied;
import static nrw.komman.command.grant.audit.ChainFixtures.chain;
import static nrw.komman.command.grant.audit.ChainFixtures.history;
import static nrw.komman.command.grant.audit.ChainFixtures.rejected;
import static nrw.komman.command.grant.audit.ChainFixtures.reviewed;
import static nrw.komman.command.grant.audit.ChainFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of tampering is found and named with the event it concerns. */
class GrantChainVerifierTest {

    private static final GrantId GRANT = new GrantId(UUID.fromString(ChainFixtures.GRANT));
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final List<ChainLink> LINKS = chain(history());
    private static final String HEAD = LINKS.get(2).link();

    private static ChainVerification verify(List<StoredEvent> events, List<ChainLink> links) {
        return GrantChainVerifier.verify(GRANT, rows(events, links), null, null, NOW);
    }

    private static ChainVerification verify(List<StoredEvent> events, List<ChainLink> links, String expectedHead, Integer expectedLength) {
        return GrantChainVerifier.verify(GRANT, rows(events, links), expectedHead, expectedLength, NOW);
    }

    @Test
    void an_untouched_history_verifies() {
        ChainVerification v = verify(history(), LINKS);

        assertThat(v.intact()).isTrue();
        assertThat(v.problems()).isEmpty();
        assertThat(v.length()).isEqualTo(3);
        assertThat(v.head()).isEqualTo(HEAD);
        assertThat(v.matchesExpected()).isNull();
        assertThat(v.verified()).isTrue();
        assertThat(v.grantId()).isEqualTo(GRANT);
        assertThat(v.verifiedAt()).isEqualTo(NOW);
    }

    @Test
    void an_altered_payload_is_named() {
        ChainVerification v = verify(List.of(applied(), reviewed(),
                ChainFixtures.withPayload(rejected(), p -> p.replace("bereits", "noch nicht"))), LINKS);

        assertThat(v.intact()).isFalse();
        assertThat(v.problems()).containsExactly("Ereignis 2 wurde nach dem Schreiben verändert.");
        assertThat(v.head()).as("the recorded head when broken").isEqualTo(HEAD);
        assertThat(v.verified()).isFalse();
    }

    @Test
    void an_altered_event_in_the_middle_is_reported_once_not_with_every_later_event() {
        ChainVerification v = verify(List.of(applied(),
                ChainFixtures.withMetaData(reviewed(), m -> m.replace("bezreg.pruefung", "ministerium.bewilligung")), rejected()), LINKS);

        assertThat(v.problems()).containsExactly("Ereignis 1 wurde nach dem Schreiben verändert.");
    }

    @Test
    void an_altered_time_stamp_is_a_change() {
        ChainVerification v = verify(List.of(ChainFixtures.withTimestamp(applied(), "2026-01-02T10:15:00.123Z"), reviewed(), rejected()), LINKS);

        assertThat(v.problems()).containsExactly("Ereignis 0 wurde nach dem Schreiben verändert.");
    }

    @Test
    void a_deleted_event_in_the_middle_is_named() {
        ChainVerification v = verify(List.of(applied(), rejected()), LINKS);

        assertThat(v.intact()).isFalse();
        assertThat(v.problems()).containsExactly("Ereignis 1 fehlt im Ereignisspeicher: es ist verkettet, wurde aber gelöscht.");
        assertThat(v.length()).isEqualTo(3);
    }

    @Test
    void deleting_the_last_event_with_its_link_keeps_the_chain_intact_but_misses_the_exported_head() {
        ChainVerification v = verify(List.of(applied(), reviewed()), LINKS.subList(0, 2), HEAD, 3);

        assertThat(v.intact()).isTrue();
        assertThat(v.length()).isEqualTo(2);
        assertThat(v.head()).isEqualTo(LINKS.get(1).link());
        assertThat(v.matchesExpected()).isFalse();
        assertThat(v.verified()).isFalse();
        assertThat(v.problems()).singleElement().asString().contains("3 Ereignisse", "nur noch 2");
    }

    @Test
    void an_earlier_head_still_matches_after_later_events_were_appended() {
        String headAfterTwo = LINKS.get(1).link();

        ChainVerification v = verify(history(), LINKS, headAfterTwo.toUpperCase(), 2);

        assertThat(v.matchesExpected()).isTrue();
        assertThat(v.verified()).isTrue();
        assertThat(verify(history(), LINKS, HEAD, null).matchesExpected()).as("length defaults to the current one").isTrue();
        assertThat(verify(history(), LINKS, headAfterTwo, 3).matchesExpected()).isFalse();
    }

    @Test
    void a_head_that_both_tables_were_rewritten_to_match_still_misses_the_exported_one() {
        List<StoredEvent> rewritten = List.of(applied(), reviewed(), ChainFixtures.withPayload(rejected(), p -> p.replace("bereits", "noch nicht")));

        ChainVerification v = verify(rewritten, chain(rewritten), HEAD, 3);

        assertThat(v.intact()).as("a consistent rewrite of both tables looks intact").isTrue();
        assertThat(v.matchesExpected()).as("but not against the head filed with the export").isFalse();
        assertThat(v.problems()).singleElement().asString().contains("seit dem Export verändert");
    }

    @Test
    void swapped_sequence_numbers_are_named() {
        ChainVerification v = verify(List.of(applied(), ChainFixtures.withSequence(rejected(), 1), ChainFixtures.withSequence(reviewed(), 2)), LINKS);

        assertThat(v.intact()).isFalse();
        assertThat(v.problems()).containsExactly("Die Ereignisse 1 und 2 wurden vertauscht (Reihenfolge verändert).");
    }

    @Test
    void an_event_moved_to_a_free_position_is_named() {
        ChainVerification v = verify(List.of(applied(), reviewed(), ChainFixtures.withSequence(rejected(), 5)), LINKS);

        assertThat(v.problems()).contains("Ereignis 2 wurde an Stelle 5 verschoben (Reihenfolge verändert).")
                .anySatisfy(p -> assertThat(p).startsWith("Lücke in der Ereignisfolge: Ereignis 3"));
    }

    @Test
    void an_event_without_a_link_is_named() {
        StoredEvent inserted = new StoredEvent(ChainFixtures.GRANT, 3, "e3-inserted", "2026-03-05T00:00:00Z", "Grant",
                "nrw.komman.kernel.grant.GrantApprovedEvent", null, ChainFixtures.utf8("{}"), ChainFixtures.utf8("{}"));
        List<StoredEvent> events = new ArrayList<>(history());
        events.add(inserted);

        ChainVerification v = verify(events, LINKS);

        assertThat(v.problems()).containsExactly("Ereignis 3 ist nicht verkettet: es wurde nachträglich eingefügt, "
                + "oder sein Kettenglied wurde entfernt.");
        assertThat(v.length()).isEqualTo(3);
    }

    @Test
    void a_removed_link_is_named_and_the_next_event_is_still_checked() {
        List<ChainLink> withoutMiddle = List.of(LINKS.get(0), LINKS.get(2));

        assertThat(verify(history(), withoutMiddle).problems()).containsExactly(
                "Ereignis 1 ist nicht verkettet: es wurde nachträglich eingefügt, oder sein Kettenglied wurde entfernt.");
        List<StoredEvent> alsoAltered = List.of(applied(), reviewed(), ChainFixtures.withPayload(rejected(), p -> p.replace("bereits", "schon")));
        assertThat(verify(alsoAltered, withoutMiddle).problems()).contains("Ereignis 2 wurde nach dem Schreiben verändert.");
    }

    @Test
    void a_gap_of_event_and_link_is_named() {
        ChainVerification v = verify(List.of(applied(), rejected()), List.of(LINKS.get(0), LINKS.get(2)));

        assertThat(v.problems()).containsExactly("Lücke in der Ereignisfolge: Ereignis 1 fehlt, und es ist auch nicht verkettet.");
    }

    @Test
    void a_replaced_event_identifier_is_a_change() {
        StoredEvent r = reviewed();
        StoredEvent replaced = new StoredEvent(r.aggregateIdentifier(), 1, "forged", r.timestamp(), r.type(), r.payloadType(),
                r.payloadRevision(), r.payload(), r.metaData());

        assertThat(verify(List.of(applied(), replaced, rejected()), LINKS).problems())
                .containsExactly("Ereignis 1 wurde nach dem Schreiben verändert.");
    }

    @Test
    void an_altered_link_is_told_apart_from_an_altered_event() {
        List<ChainLink> links = new ArrayList<>(LINKS);
        links.set(1, new ChainLink(1, LINKS.get(1).eventIdentifier(), "0".repeat(64)));

        assertThat(verify(history(), links).problems())
                .containsExactly("Das Kettenglied von Ereignis 1 wurde verändert; das Ereignis selbst ist unverändert.");
    }

    @Test
    void a_history_that_was_never_chained_reports_every_event() {
        ChainVerification v = verify(history(), List.of());

        assertThat(v.intact()).isFalse();
        assertThat(v.length()).isZero();
        assertThat(v.head()).isNull();
        assertThat(v.problems()).hasSize(3).allSatisfy(p -> assertThat(p).contains("nicht verkettet"));
    }

    @Test
    void links_whose_events_are_all_gone_are_reported() {
        ChainVerification v = verify(List.of(), LINKS);

        assertThat(v.intact()).isFalse();
        assertThat(v.problems()).hasSize(3).allSatisfy(p -> assertThat(p).contains("gelöscht"));
    }
}
