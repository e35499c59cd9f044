package nrw.komman.web.platform.export;

import nrw.komman.kernel.audit.ChainVerification;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantHistoryEntry;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.Recommendation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static nrw.komman.kernel.grant.GrantStatus.APPLIED;
import static nrw.komman.kernel.grant.GrantStatus.APPROVED;
import static nrw.komman.kernel.grant.GrantStatus.CLOSED;
import static nrw.komman.kernel.grant.GrantStatus.REVIEWED;
import static nrw.komman.kernel.grant.GrantStatus.USAGE_REPORTED;

/** A closed grant of the Kölner centre with its whole life, and a verification of its chain. */
public final class ExportFixtures {

    public static final GrantId GRANT_ID = new GrantId(UUID.fromString("1a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d"));
    public static final CentreId KOELN = new CentreId("05315");
    public static final String HEAD = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    /** 14.03.2026 10:15:30 in Berlin (CET). */
    public static final Instant NOW = Instant.parse("2026-03-14T09:15:30Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final String TITLE = "Ankommenstreffpunkt Kalk – Begegnungscafé für Zugewanderte";

    private ExportFixtures() {
    }

    static Money euros(long euros) {
        return Money.ofCents(euros * 100);
    }

    public static GrantView grant() {
        return grant(TITLE);
    }

    public static GrantView grant(String title) {
        return new GrantView(GRANT_ID, KOELN, "Kommunales Integrationszentrum Köln", Regierungsbezirk.KOELN, 2026,
                ProgrammePart.PART_II_A, title, "Treffpunkt für Neuzugewanderte in Kalk, zweimal die Woche",
                CLOSED, euros(25_000), euros(12_500), Recommendation.APPROVE, "förderfähig", "Bewilligt in voller Höhe",
                LocalDate.of(2026, 1, 12), "koordination.koeln", "bezreg.arnsberg", "ministerium.mkjfgfi",
                LocalDate.of(2026, 2, 2), "REPAYMENT",
                euros(12_000), Money.ZERO, Money.ofCents(1_100_050), 42, "Bericht", LocalDate.of(2026, 11, 30),
                "Nachweis geprüft", LocalDate.of(2026, 12, 15), Money.ofCents(99_950), Money.ofCents(50_000));
    }

    /** The facts of {@link #lifecycle()} as the pages and the exports name them. */
    public static final List<String> LIFECYCLE_IN_GERMAN = List.of("Antrag gestellt", "Geprüft", "Bewilligt",
            "Änderungsbescheid", "Mittelabruf", "Auszahlung", "Auszahlung", "Verwendungsnachweis", "Abgeschlossen",
            "Rückzahlung");

    /** The life of the grant: every fact kind once, amounts before and after as the projection records them. */
    public static List<GrantHistoryEntry> lifecycle() {
        List<GrantHistoryEntry> entries = new ArrayList<>();
        entries.add(entry(0, "APPLIED", "2026-01-12T08:30:00Z", "koordination.koeln", AccountRole.COORDINATOR, null, APPLIED,
                null, null, euros(25_000), null, null, null));
        entries.add(entry(1, "REVIEWED", "2026-01-20T13:05:07Z", "bezreg.arnsberg", AccountRole.GRANT_OFFICER, APPLIED, REVIEWED,
                null, null, null, "förderfähig; Kosten plausibel", null, null));
        entries.add(entry(2, "APPROVED", "2026-02-02T10:00:00Z", "ministerium.mkjfgfi", AccountRole.MINISTRY, REVIEWED, APPROVED,
                null, euros(15_000), euros(15_000), "Bewilligt \"in Teilen\"", Money.ZERO, Money.ZERO));
        entries.add(entry(3, "AMENDED", "2026-03-01T11:00:00Z", "ministerium.mkjfgfi", AccountRole.MINISTRY, APPROVED, APPROVED,
                euros(15_000), euros(12_500), euros(12_500), "Kürzung wegen Haushaltsmaßnahme\nzweite Zeile", Money.ZERO, Money.ZERO));
        entries.add(entry(4, "FUNDS_REQUESTED", "2026-04-01T07:00:00Z", "=HYPERLINK(\"http://x\")", AccountRole.COORDINATOR, APPROVED, APPROVED,
                euros(12_500), euros(12_500), euros(6_000), "+1 Raummiete", Money.ZERO, Money.ZERO));
        entries.add(entry(5, "DISBURSED", "2026-04-10T09:00:00Z", "bezreg.arnsberg", AccountRole.GRANT_OFFICER, APPROVED, APPROVED,
                euros(12_500), euros(12_500), euros(6_000), "-2 Tranche 1", Money.ZERO, euros(6_000)));
        entries.add(entry(6, "DISBURSED", "2026-07-10T09:00:00Z", "bezreg.arnsberg", AccountRole.GRANT_OFFICER, APPROVED, APPROVED,
                euros(12_500), euros(12_500), euros(6_000), "@SUM(A1:A2)", euros(6_000), euros(12_000)));
        entries.add(entry(7, "USAGE_REPORTED", "2026-11-30T16:45:00Z", "koordination.koeln", AccountRole.COORDINATOR, APPROVED,
                USAGE_REPORTED, euros(12_500), euros(12_500), Money.ofCents(1_100_050), "\tTabulator vorn", euros(12_000), euros(12_000)));
        entries.add(entry(8, "CLOSED", "2026-12-15T10:00:00Z", "bezreg.arnsberg", AccountRole.GRANT_OFFICER, USAGE_REPORTED,
                CLOSED, euros(12_500), euros(12_500), Money.ofCents(99_950), "Nachweis geprüft; Rückforderung 999,50 €",
                euros(12_000), euros(12_000)));
        entries.add(entry(9, "REPAID", "2027-01-05T08:00:00Z", "bezreg.arnsberg", AccountRole.GRANT_OFFICER, CLOSED, CLOSED,
                euros(12_500), euros(12_500), Money.ofCents(50_000), "Teilzahlung Straße", euros(12_000), euros(12_000)));
        return entries;
    }

    static GrantHistoryEntry entry(long sequence, String fact, String at, String account, AccountRole role, GrantStatus before,
                                   GrantStatus after, Money approvedBefore, Money approvedAfter, Money amount, String reason,
                                   Money disbursedBefore, Money disbursedAfter) {
        return new GrantHistoryEntry(sequence, fact, Instant.parse(at), account, role, before, after, approvedBefore,
                approvedAfter, amount, reason, disbursedBefore, disbursedAfter);
    }

    public static GrantHistory history() {
        return new GrantHistory(GRANT_ID, KOELN, lifecycle());
    }

    /** Many disbursement-like entries, each with a reason that names its number. */
    public static GrantHistory longHistory(int size) {
        List<GrantHistoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            entries.add(entry(i, "DISBURSED", "2026-04-10T09:00:00Z", "bezreg.arnsberg", AccountRole.GRANT_OFFICER, APPROVED,
                    APPROVED, euros(12_500), euros(12_500), Money.ofCents(100 + i), marker(i), Money.ofCents(i), Money.ofCents(i + 1L)));
        }
        return new GrantHistory(GRANT_ID, KOELN, entries);
    }

    public static String marker(int i) {
        return String.format("Vermerk-%03d-Ende", i);
    }

    public static ChainVerification intact(int length) {
        return new ChainVerification(GRANT_ID, true, length, HEAD, null, List.of(), Instant.parse("2026-03-14T09:15:00Z"));
    }

    public static ChainVerification broken(int length) {
        return new ChainVerification(GRANT_ID, false, length, HEAD, false,
                List.of("Ereignis 3 wurde verändert", "Ereignis 5 fehlt"), Instant.parse("2026-03-14T09:15:00Z"));
    }
}
