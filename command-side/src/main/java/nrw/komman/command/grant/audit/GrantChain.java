package nrw.komman.command.grant.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain over a grant's events (ADR 8):
 * <pre>
 * link(-1) = "komm-an/grant-chain/v1"
 * link(n)  = hex(SHA-256(UTF-8(link(n-1) + "\n" + canonical(event n))))
 * </pre>
 * The head is the last link; it covers every event before it, so a head filed with an export proves
 * later that none of those events changed, disappeared or moved.
 */
public final class GrantChain {

    /** The link "before" the first event; the version in it names this exact construction. */
    public static final String GENESIS = "komm-an/grant-chain/v1";

    /** The aggregate type whose events are chained (Axon's type of {@code nrw.komman.command.grant.Grant}). */
    public static final String AGGREGATE_TYPE = "Grant";

    private GrantChain() {
    }

    /** The link of an event, given the link before it ({@link #GENESIS} for the first event). */
    public static String link(String previous, StoredEvent event) {
        return link(previous, event.canonical());
    }

    /** The link of a canonical serialisation, given the link before it. */
    public static String link(String previous, String canonical) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((previous + "\n" + canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The head over events in the given order, starting from {@link #GENESIS}; GENESIS itself for none. */
    public static String head(Iterable<StoredEvent> events) {
        String link = GENESIS;
        for (StoredEvent event : events) {
            link = link(link, event);
        }
        return link;
    }
}
