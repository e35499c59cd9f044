package nrw.komman.command.grant.audit;

import nrw.komman.command.grant.audit.GrantChainTables.ChainLink;
import nrw.komman.command.grant.audit.GrantChainTables.GrantRows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Stored grant events as Axon's JDBC engine writes them (Jackson JSON bytes), and their chain. */
final class ChainFixtures {

    static final String GRANT = "6f1c2a52-0d3e-4c55-9b1e-2f7a4f0d9c11";

    private ChainFixtures() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static StoredEvent applied() {
        return new StoredEvent(GRANT, 0, "e0-applied", "2026-03-02T10:15:00.123Z", "Grant",
                "nrw.komman.kernel.grant.GrantAppliedEvent", null,
                utf8("{\"grantId\":\"" + GRANT + "\",\"centreId\":\"05315\",\"fundingYear\":2026,\"programmePart\":\"PART_II_A\","
                        + "\"title\":\"Ankommenstreffpunkt Kalk\",\"purpose\":\"Café für Neuzugewanderte\","
                        + "\"requestedAmount\":\"25000.00\",\"appliedOn\":\"2026-03-02\"}"),
                utf8("{\"actorAccount\":\"koeln.koordination\",\"actorRole\":\"COORDINATOR\",\"actorCentre\":\"05315\","
                        + "\"traceId\":\"t-1\",\"correlationId\":\"c-1\"}"));
    }

    static StoredEvent reviewed() {
        return new StoredEvent(GRANT, 1, "e1-reviewed", "2026-03-03T08:00:00Z", "Grant",
                "nrw.komman.kernel.grant.GrantReviewedEvent", null,
                utf8("{\"grantId\":\"" + GRANT + "\",\"centreId\":\"05315\",\"recommendation\":\"REJECT\",\"note\":\"nicht förderfähig\"}"),
                utf8("{\"actorAccount\":\"bezreg.pruefung\",\"actorRole\":\"GRANT_OFFICER\"}"));
    }

    static StoredEvent rejected() {
        return new StoredEvent(GRANT, 2, "e2-rejected", "2026-03-04T09:30:00.5Z", "Grant",
                "nrw.komman.kernel.grant.GrantRejectedEvent", null,
                utf8("{\"grantId\":\"" + GRANT + "\",\"centreId\":\"05315\",\"reason\":\"Maßnahme bereits begonnen\"}"),
                utf8("{\"actorAccount\":\"ministerium.bewilligung\",\"actorRole\":\"MINISTRY\"}"));
    }

    static List<StoredEvent> history() {
        return List.of(applied(), reviewed(), rejected());
    }

    /** The links the writer records for these events. */
    static List<ChainLink> chain(List<StoredEvent> events) {
        List<ChainLink> links = new ArrayList<>();
        String link = GrantChain.GENESIS;
        for (StoredEvent e : events) {
            link = GrantChain.link(link, e);
            links.add(new ChainLink(e.sequenceNumber(), e.eventIdentifier(), link));
        }
        return links;
    }

    static GrantRows rows(List<StoredEvent> events, List<ChainLink> links) {
        return new GrantRows(events.stream().sorted(java.util.Comparator.comparingLong(StoredEvent::sequenceNumber)).toList(),
                links.stream().sorted(java.util.Comparator.comparingLong(ChainLink::sequenceNumber)).toList());
    }

    static StoredEvent withPayload(StoredEvent e, UnaryOperator<String> change) {
        return new StoredEvent(e.aggregateIdentifier(), e.sequenceNumber(), e.eventIdentifier(), e.timestamp(), e.type(),
                e.payloadType(), e.payloadRevision(), utf8(change.apply(new String(e.payload(), StandardCharsets.UTF_8))),
                e.metaData());
    }

    static StoredEvent withMetaData(StoredEvent e, UnaryOperator<String> change) {
        return new StoredEvent(e.aggregateIdentifier(), e.sequenceNumber(), e.eventIdentifier(), e.timestamp(), e.type(),
                e.payloadType(), e.payloadRevision(), e.payload(),
                utf8(change.apply(new String(e.metaData(), StandardCharsets.UTF_8))));
    }

    static StoredEvent withSequence(StoredEvent e, long sequenceNumber) {
        return new StoredEvent(e.aggregateIdentifier(), sequenceNumber, e.eventIdentifier(), e.timestamp(), e.type(),
                e.payloadType(), e.payloadRevision(), e.payload(), e.metaData());
    }

    static StoredEvent withTimestamp(StoredEvent e, String timestamp) {
        return new StoredEvent(e.aggregateIdentifier(), e.sequenceNumber(), e.eventIdentifier(), timestamp, e.type(),
                e.payloadType(), e.payloadRevision(), e.payload(), e.metaData());
    }
}
