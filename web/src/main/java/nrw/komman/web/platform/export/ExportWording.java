package nrw.komman.web.platform.export;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.volunteer.VolunteerStatus;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The German words and formats of the exports, the same as the web pages use (messages_de.properties:
 * {@code grant-status.*}, {@code role.*}, {@code history.fact.*}) so an auditor reads in the file what the
 * screen showed; the read models hold codes, and the facts' words come from that bundle itself.
 * Amounts without the currency sign ("12.500,00"), so a spreadsheet reads them as numbers; times in
 * North Rhine-Westphalia's zone, to the second.
 */
public final class ExportWording {

    public static final String NONE = "—";

    /** The German message bundle the pages use, read once: exports are always in German. */
    private static final ResourceBundle GERMAN = ResourceBundle.getBundle("messages", Locale.GERMAN,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss", Locale.GERMANY)
            .withZone(Nrw.ZONE);

    private ExportWording() {
    }

    /** The status as the pages name it; a switch over every constant, so a new status does not compile unnamed. */
    public static String status(GrantStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case APPLIED -> "Beantragt";
            case REVIEWED -> "Geprüft";
            case APPROVED -> "Bewilligt";
            case USAGE_REPORTED -> "Verwendungsnachweis eingereicht";
            case CLOSED -> "Abgeschlossen";
            case REJECTED -> "Abgelehnt";
            case WITHDRAWN -> "Zurückgezogen";
        };
    }

    /** A fact of a grant's history by its code, as the pages name it ({@code history.fact.*}); an unknown code as it is. */
    public static String fact(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String key = "history.fact." + code.strip();
        return GERMAN.containsKey(key) ? GERMAN.getString(key) : code;
    }

    public static String role(AccountRole role) {
        if (role == null) {
            return "";
        }
        return switch (role) {
            case COORDINATOR -> "Koordinator*in";
            case GRANT_OFFICER -> "Bewilligungsbehörde (Bezirksregierung)";
            case MINISTRY -> "Ministerium";
            case AUDITOR -> "Prüfung";
            case ADMINISTRATOR -> "Betrieb (Administration)";
            case VOLUNTEER -> "Ehrenamtliche*r (persönlicher Link)";
            case SYSTEM -> "System";
        };
    }

    public static String part(ProgrammePart part) {
        return part == null ? "" : part.germanName();
    }

    /** 1250050 cents → "12.500,50"; null → "". */
    public static String amount(Money money) {
        if (money == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        return format.format(money.toBigDecimal());
    }

    /** The instant in NRW's zone: "05.03.2026 14:07:09"; null → "". */
    public static String timestamp(Instant instant) {
        return instant == null ? "" : TIMESTAMP.format(instant);
    }

    public static String date(LocalDate date) {
        return date == null ? "" : Nrw.date(date);
    }

    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    public static String centre(GrantView grant) {
        String id = text(grant.centreId());
        String name = grant.centreName();
        if (name == null || name.isBlank()) {
            return id;
        }
        return id.isEmpty() ? name : name + " (" + id + ")";
    }

    public static String region(GrantView grant) {
        return grant.regierungsbezirk() == null ? "" : grant.regierungsbezirk().displayName();
    }

    public static String yesNo(boolean value) {
        return value ? "ja" : "nein";
    }

    /**
     * The API call that checks later whether the grant's events are still the ones this export was made
     * from (the head is hex, so only a missing one needs encoding).
     */
    public static String checkCall(GrantId grantId, String head, int length) {
        return "GET /api/grants/" + grantId + "/audit-chain?expectedHead="
                + URLEncoder.encode(head == null ? "" : head, StandardCharsets.UTF_8) + "&expectedLength=" + length;
    }

    /** A category as the pages name it (messages_de.properties: {@code category.*}). */
    public static String category(ActivityCategory category) {
        return category == null ? "" : category.germanName();
    }

    public static String volunteerStatus(VolunteerStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case ACTIVE -> "aktiv";
            case INACTIVE -> "inaktiv";
        };
    }

    /** Language codes as German names, sorted: ["de", "prs"] → "Dari, Deutsch"; none → "". */
    public static String languages(Collection<String> codes) {
        return nrw.komman.web.platform.page.LanguageNames.list(codes, Locale.GERMAN);
    }

    /** Categories by their German names, in the enum's order; none → "". */
    public static String categories(Collection<ActivityCategory> categories) {
        if (categories == null || categories.isEmpty()) {
            return "";
        }
        return categories.stream().sorted().map(ExportWording::category).collect(Collectors.joining(", "));
    }

    /** A duration for people, the same as on the pages (ADR 30): 90 → "1 Std. 30 Min.", 45 → "45 Min.". */
    public static String duration(long minutes) {
        return nrw.komman.web.platform.page.Formats.durationOf(minutes);
    }

    /** Minutes as hours with up to one decimal, German: 90 → "1,5", 120 → "2"; for a spreadsheet's number column, not for people's text (ADR 30). */
    public static String hours(long minutes) {
        DecimalFormat format = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format.format(minutes / 60.0);
    }
}
