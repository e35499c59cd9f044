package nrw.komman.web.grant;

import nrw.komman.kernel.audit.ChainVerification;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantHistoryEntry;
import nrw.komman.kernel.grant.GrantView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A grant's history as files an auditor can file: {@link #csv} for a spreadsheet, {@link #pdf} for the
 * record. Both carry the grant's data, every event in order (who, role, when, status and amounts before
 * and after, reason) and the verification: the chain head (SHA-256) over the events, the number of events,
 * whether the chain is unaltered, and how to check the head again later.
 *
 * <p>Only renders: the caller fetches the grant, its history and the verification (one grant, the same
 * moment) and decides who may have it. "Erstellt am" comes from the application's {@link Clock} when there is
 * exactly one, otherwise from the system clock.
 */
@Component
public class GrantHistoryExport {

    public static final String CSV_CONTENT_TYPE = "text/csv; charset=UTF-8";
    public static final String PDF_CONTENT_TYPE = "application/pdf";

    private final Clock clock;

    @Autowired
    public GrantHistoryExport(ObjectProvider<Clock> clock) {
        this(clock.getIfUnique(Nrw::systemClock));
    }

    public GrantHistoryExport(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** UTF-8 with byte order mark, semicolon-separated, CRLF: opens in Excel (de-DE) as it is. */
    public byte[] csv(GrantView grant, GrantHistory history, ChainVerification chain) {
        checkSameGrant(grant, history, chain);
        return GrantHistoryCsv.render(grant, complete(history), chain, now());
    }

    /** A4 landscape, standard fonts only, "Seite x von y". */
    public byte[] pdf(GrantView grant, GrantHistory history, ChainVerification chain) {
        checkSameGrant(grant, history, chain);
        return GrantHistoryPdf.render(grant, complete(history), chain, now());
    }

    /**
     * An ASCII name for the download: {@code zuwendung-05315-2026-1a2b3c4d-verlauf.pdf} (centre key, funding
     * year, the first eight characters of the grant's id).
     */
    public String fileName(GrantView grant, String extension) {
        Objects.requireNonNull(grant, "grant");
        String centre = ascii(grant.centreId() == null ? "" : grant.centreId().value());
        String id = ascii(grant.grantId() == null ? "" : grant.grantId().toString());
        String ext = ascii(extension == null ? "" : extension.strip().replaceFirst("^\\.", "").toLowerCase(Locale.ROOT));
        StringBuilder name = new StringBuilder("zuwendung");
        if (!centre.isEmpty()) {
            name.append('-').append(centre);
        }
        name.append('-').append(grant.fundingYear());
        if (!id.isEmpty()) {
            name.append('-').append(id, 0, Math.min(8, id.length()));
        }
        name.append("-verlauf");
        if (!ext.isEmpty()) {
            name.append('.').append(ext);
        }
        return name.toString();
    }

    /** The running number an auditor reads: the event's position in the grant's stream, counted from 1. */
    static long number(GrantHistoryEntry entry) {
        return entry.sequence() + 1;
    }

    /**
     * The reason column of a fact, with the due date a fact of the dates names (issue 19), in German as the files are:
     * "Frist: 30.06.2026" or "Frist: 30.06.2026 → 30.09.2026. Personalwechsel". Null when there is neither.
     */
    static String reason(GrantHistoryEntry entry) {
        if (entry.dueOn() == null) {
            return entry.reason();
        }
        String due = "Frist: " + (entry.dueBefore() == null ? "" : nrw.komman.kernel.common.Nrw.date(entry.dueBefore()) + " → ")
                + nrw.komman.kernel.common.Nrw.date(entry.dueOn());
        return entry.reason() == null || entry.reason().isBlank() ? due : due + ". " + entry.reason();
    }

    private Instant now() {
        return clock.instant();
    }

    private static GrantHistory complete(GrantHistory history) {
        return history.entries() != null ? history : new GrantHistory(history.grantId(), history.centreId(), List.of());
    }

    private static String ascii(String text) {
        return text.replaceAll("[^A-Za-z0-9]", "");
    }

    private static void checkSameGrant(GrantView grant, GrantHistory history, ChainVerification chain) {
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(chain, "chain");
        if (history.grantId() != null && !history.grantId().equals(grant.grantId())) {
            throw new IllegalArgumentException("The history belongs to grant " + history.grantId() + ", not " + grant.grantId());
        }
        if (chain.grantId() != null && !chain.grantId().equals(grant.grantId())) {
            throw new IllegalArgumentException("The verification belongs to grant " + chain.grantId() + ", not " + grant.grantId());
        }
    }
}
