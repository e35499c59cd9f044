package nrw.komman.command.grant.audit;

import nrw.komman.command.grant.audit.GrantChainTables.ChainLink;
import nrw.komman.command.grant.audit.GrantChainTables.GrantRows;
import nrw.komman.kernel.audit.ChainVerification;
import nrw.komman.kernel.grant.GrantId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recomputes a grant's chain from its stored events and compares it with the recorded links, position
 * by position, so that each problem names the event it concerns:
 * <ul>
 *   <li>an event whose content (payload, metadata, time-stamp, type, ...) changed: its recomputed link
 *       differs from the recorded one;</li>
 *   <li>a link without its event (an event deleted), an event without a link (inserted afterwards, or
 *       its link removed), a position with neither (a gap);</li>
 *   <li>events at another position than the one they were chained at (sequence numbers swapped or moved);</li>
 *   <li>a recorded link that was altered while its event was not.</li>
 * </ul>
 * Each event is checked against the recorded link before it, so one altered event is reported once, not
 * together with every event after it. Pure: no database, no clock.
 */
public final class GrantChainVerifier {

    private GrantChainVerifier() {
    }

    public static ChainVerification verify(GrantId grantId, GrantRows rows, String expectedHead, Integer expectedLength,
                                           Instant verifiedAt) {
        List<String> problems = chainProblems(rows);
        boolean intact = problems.isEmpty();
        String recomputedHead = GrantChain.head(rows.events());
        List<ChainLink> links = rows.links();
        String recordedHead = links.isEmpty() ? null : links.get(links.size() - 1).link();
        if (intact && recordedHead != null && !recomputedHead.equals(recordedHead)) {
            // cannot happen when every position checked out; kept so that "intact" never lies
            problems.add("Der Kettenkopf stimmt nicht mit den gespeicherten Ereignissen überein.");
            intact = false;
        }
        String head = intact && !links.isEmpty() ? recomputedHead : recordedHead;

        Boolean matchesExpected = null;
        if (expectedHead != null) {
            int length = expectedLength != null ? expectedLength : links.size();
            String prefixHead = prefixHead(rows.events(), length);
            matchesExpected = prefixHead != null && prefixHead.equalsIgnoreCase(expectedHead.trim());
            if (!matchesExpected) {
                long present = contiguousEvents(rows.events());
                problems.add(present < length
                        ? "Der erwartete Stand umfasste " + length + " Ereignisse; gespeichert sind nur noch " + present
                          + " davon: Ereignisse wurden seit dem Export entfernt."
                        : "Der erwartete Kettenkopf nach " + length + " Ereignissen stimmt nicht mit den gespeicherten "
                          + "Ereignissen überein: die Historie wurde seit dem Export verändert.");
            }
        }
        return new ChainVerification(grantId, intact, links.size(), head, matchesExpected, List.copyOf(problems), verifiedAt);
    }

    /** The link after the first {@code length} events (sequence numbers 0 .. length-1), or null if one is missing. */
    static String prefixHead(List<StoredEvent> events, int length) {
        if (length < 0) {
            return null;
        }
        String link = GrantChain.GENESIS;
        int next = 0;
        for (StoredEvent event : events) {
            if (next == length) {
                break;
            }
            if (event.sequenceNumber() != next) {
                return null;
            }
            link = GrantChain.link(link, event);
            next++;
        }
        return next == length ? link : null;
    }

    private static long contiguousEvents(List<StoredEvent> events) {
        long next = 0;
        for (StoredEvent event : events) {
            if (event.sequenceNumber() != next) {
                break;
            }
            next++;
        }
        return next;
    }

    private static List<String> chainProblems(GrantRows rows) {
        Map<Long, StoredEvent> events = new HashMap<>();
        Map<String, Long> eventPositions = new HashMap<>();
        for (StoredEvent e : rows.events()) {
            events.put(e.sequenceNumber(), e);
            eventPositions.put(e.eventIdentifier(), e.sequenceNumber());
        }
        Map<Long, ChainLink> links = new HashMap<>();
        Map<String, Long> linkPositions = new HashMap<>();
        for (ChainLink l : rows.links()) {
            links.put(l.sequenceNumber(), l);
            linkPositions.put(l.eventIdentifier(), l.sequenceNumber());
        }
        TreeSet<Long> positions = new TreeSet<>(events.keySet());
        positions.addAll(links.keySet());
        if (!positions.isEmpty()) {
            for (long n = 0; n <= positions.last(); n++) {
                positions.add(n);
            }
        }

        List<String> problems = new ArrayList<>();
        Set<Long> reported = new HashSet<>(); // positions already covered by a swap message
        String trustedPrevious = null; // the link to check the next position against
        for (long n : positions) {
            StoredEvent event = events.get(n);
            ChainLink link = links.get(n);
            String previous = n == 0 ? GrantChain.GENESIS : trustedPrevious;
            trustedPrevious = link == null ? null : link.link();
            if (reported.contains(n)) {
                continue;
            }
            if (event == null && link == null) {
                problems.add("Lücke in der Ereignisfolge: Ereignis " + n + " fehlt, und es ist auch nicht verkettet.");
            } else if (event == null) {
                Long now = eventPositions.get(link.eventIdentifier());
                if (now == null) {
                    problems.add("Ereignis " + n + " fehlt im Ereignisspeicher: es ist verkettet, wurde aber gelöscht.");
                } else if (!links.containsKey(now)) {
                    problems.add("Ereignis " + n + " wurde an Stelle " + now + " verschoben (Reihenfolge verändert).");
                    reported.add(now);
                }
                // otherwise the event's new position reports the move
            } else if (link == null) {
                // the next event can still be checked against the link this event's content gives
                trustedPrevious = previous == null ? null : GrantChain.link(previous, event);
                Long chainedAt = linkPositions.get(event.eventIdentifier());
                if (chainedAt == null) {
                    problems.add("Ereignis " + n + " ist nicht verkettet: es wurde nachträglich eingefügt, "
                            + "oder sein Kettenglied wurde entfernt.");
                } else {
                    problems.add("Ereignis " + chainedAt + " wurde an Stelle " + n + " verschoben (Reihenfolge verändert).");
                }
            } else if (!event.eventIdentifier().equals(link.eventIdentifier())) {
                Long chainedAt = linkPositions.get(event.eventIdentifier());
                StoredEvent there = chainedAt == null ? null : events.get(chainedAt);
                if (chainedAt == null) {
                    problems.add("Ereignis " + n + " wurde nach dem Schreiben verändert.");
                } else if (there != null && there.eventIdentifier().equals(link.eventIdentifier())) {
                    problems.add("Die Ereignisse " + Math.min(n, chainedAt) + " und " + Math.max(n, chainedAt)
                            + " wurden vertauscht (Reihenfolge verändert).");
                    reported.add(chainedAt);
                } else {
                    problems.add("Die Reihenfolge wurde verändert: an Stelle " + n + " steht Ereignis " + chainedAt + ".");
                }
            } else if (previous == null) {
                // the link before is missing: that position is reported, this one cannot be checked alone
                trustedPrevious = link.link();
            } else {
                String expected = GrantChain.link(previous, event);
                if (!expected.equals(link.link())) {
                    if (linkAlone(expected, events.get(n + 1), links.get(n + 1))) {
                        problems.add("Das Kettenglied von Ereignis " + n + " wurde verändert; das Ereignis selbst ist unverändert.");
                        trustedPrevious = expected;
                    } else {
                        problems.add("Ereignis " + n + " wurde nach dem Schreiben verändert.");
                    }
                }
            }
        }
        return problems;
    }

    /** True when the next event chains onto the recomputed link: then only the recorded link was altered. */
    private static boolean linkAlone(String expected, StoredEvent next, ChainLink nextLink) {
        return next != null && nextLink != null && next.eventIdentifier().equals(nextLink.eventIdentifier())
                && GrantChain.link(expected, next).equals(nextLink.link());
    }
}
