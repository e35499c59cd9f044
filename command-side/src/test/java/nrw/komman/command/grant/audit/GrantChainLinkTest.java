package nrw.komman.command.grant.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static nrw.komman.command.grant.audit.ChainFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

/** The link construction: pinned to known values, and sensitive to every change that matters. */
class GrantChainLinkTest {

    private static final StoredEvent SMALL = new StoredEvent("g", 0, "e", "2026-01-01T00:00:00Z", "Grant", "P", null,
            utf8("{\"b\":1,\"a\":\"ä\"}"), null);

    @Test
    void the_construction_is_pinned_sha256_hex_of_previous_newline_canonical() {
        // computed independently: sha256("komm-an/grant-chain/v1\n" + canonical) and the next link over the same row
        String first = GrantChain.link(GrantChain.GENESIS, SMALL);
        assertThat(first).isEqualTo("a76868597b28c024fc204544484f30effbf889e0d60231756620520040cafd77");
        assertThat(GrantChain.link(first, SMALL)).isEqualTo("ad2ba5701985d882cae1be32720074dcb9c311fcb41c04ec45dd02e7c9ff3df0");
        assertThat(GrantChain.GENESIS).isEqualTo("komm-an/grant-chain/v1");
    }

    @Test
    void reserialising_the_stored_json_does_not_change_the_link() {
        StoredEvent e = ChainFixtures.applied();
        StoredEvent reformatted = ChainFixtures.withPayload(ChainFixtures.withMetaData(e,
                        m -> "{ \"correlationId\" : \"c-1\", \"traceId\":\"t-1\",\n \"actorCentre\":\"05315\", \"actorRole\":\"COORDINATOR\", \"actorAccount\":\"koeln.koordination\" }"),
                p -> p.replace("{\"grantId\"", "{ \"grantId\"").replace(",\"centreId\":\"05315\"", " ,\n\t\"centreId\" : \"05315\""));

        assertThat(GrantChain.link(GrantChain.GENESIS, reformatted)).isEqualTo(GrantChain.link(GrantChain.GENESIS, e));
    }

    @Test
    void any_change_of_payload_metadata_or_row_changes_the_link() {
        StoredEvent e = ChainFixtures.rejected();
        String reference = GrantChain.link("prev", e);

        assertThat(GrantChain.link("prev", ChainFixtures.withPayload(e, p -> p.replace("bereits", "noch nicht")))).isNotEqualTo(reference);
        assertThat(GrantChain.link("prev", ChainFixtures.withPayload(e, p -> p.replace("Maßnahme", "Massnahme")))).isNotEqualTo(reference);
        assertThat(GrantChain.link("prev", ChainFixtures.withMetaData(e, m -> m.replace("ministerium", "ministeriun")))).isNotEqualTo(reference);
        assertThat(GrantChain.link("prev", ChainFixtures.withTimestamp(e, "2026-03-04T09:30:00.6Z"))).isNotEqualTo(reference);
        assertThat(GrantChain.link("prev", ChainFixtures.withSequence(e, 3))).isNotEqualTo(reference);
        assertThat(GrantChain.link("prev2", e)).as("the previous link is part of the hash").isNotEqualTo(reference);
    }

    @Test
    void a_single_flipped_byte_of_the_payload_changes_the_link() {
        StoredEvent e = ChainFixtures.applied();
        String reference = GrantChain.link(GrantChain.GENESIS, e);
        for (int i = 0; i < e.payload().length; i++) {
            byte[] flipped = e.payload().clone();
            flipped[i] ^= 0x01;
            StoredEvent altered = new StoredEvent(e.aggregateIdentifier(), 0, e.eventIdentifier(), e.timestamp(), e.type(),
                    e.payloadType(), e.payloadRevision(), flipped, e.metaData());
            String link = GrantChain.link(GrantChain.GENESIS, altered);
            // flipping bit 0 of a structural space would be whitespace-only; the fixture's JSON has none
            assertThat(link).as("byte %d", i).isNotEqualTo(reference);
        }
    }

    @Test
    void the_head_chains_every_event_in_order() {
        List<StoredEvent> history = ChainFixtures.history();
        String expected = GrantChain.link(GrantChain.link(GrantChain.link(GrantChain.GENESIS, history.get(0)), history.get(1)), history.get(2));

        assertThat(GrantChain.head(history)).isEqualTo(expected).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(GrantChain.head(List.of(history.get(1), history.get(0), history.get(2)))).isNotEqualTo(expected);
        assertThat(GrantChain.head(List.of())).isEqualTo(GrantChain.GENESIS);
        assertThat(ChainFixtures.chain(history).get(2).link()).isEqualTo(expected);
    }
}
