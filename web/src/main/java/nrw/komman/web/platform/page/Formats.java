package nrw.komman.web.platform.page;

import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.Nrw;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;

/**
 * Numbers, dates and euro amounts as the administration in NRW writes them (de-DE), for the
 * templates: {@code ${@fmt.euro(grant.approvedAmount)}}. German formats on every page, also in the
 * English UI: the figures belong to German files.
 */
@Component("fmt")
public class Formats {

    private static final Locale DE = Locale.GERMANY;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'", DE).withZone(Nrw.ZONE);

    /** 12500,5 → "12.500,50 €"; null → "—". */
    public String euro(Money amount) {
        if (amount == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(DE);
        return format.format(amount.toBigDecimal()).replace('\u00A0', ' ').replace(" €", "\u00A0€");
    }

    /** Like {@link #euro}, but an amount not yet recorded reads "0,00 €" (nothing disbursed yet, nothing repaid). */
    public String euroOrZero(Money amount) {
        return euro(amount == null ? Money.ZERO : amount);
    }

    public String date(LocalDate date) {
        return date == null ? "—" : Nrw.date(date);
    }

    /** The day of a moment in NRW, for a moment whose time of day nobody entered (a consent's day). */
    public String day(Instant instant) {
        return instant == null ? "—" : Nrw.date(LocalDate.ofInstant(instant, Nrw.ZONE));
    }

    public String dateTime(Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant);
    }

    /**
     * The one way a duration is shown to people, on every page and in every PDF (ADR 30): whole hours and minutes,
     * exact, as they are entered: 90 → "1 Std. 30 Min.", 45 → "45 Min.", 120 → "2 Std.", 0 → "0 Min.",
     * 74_100 → "1.235 Std.". Spreadsheets (CSV, XLSX) carry numbers instead, which they can add up.
     */
    public String duration(long minutes) {
        return durationOf(minutes);
    }

    /** {@link #duration} for code without the bean (the PDF and file writers). */
    public static String durationOf(long minutes) {
        long h = minutes / 60;
        long m = minutes % 60;
        if (h == 0) {
            return m + " Min.";
        }
        String hours = NumberFormat.getIntegerInstance(DE).format(h) + " Std.";
        return m == 0 ? hours : hours + " " + m + " Min.";
    }

    /** A sum of minutes such as minutes by category, as a {@link #duration}: {A=60, B=30} → "1 Std. 30 Min.". */
    public String totalDuration(java.util.Map<?, ? extends Number> minutes) {
        return duration(minutes == null ? 0 : minutes.values().stream().mapToLong(Number::longValue).sum());
    }

    /** Language codes as names in the user's language, sorted by name: ["de", "prs"] → "Dari, Deutsch"; none → "—". */
    public String languages(Collection<String> codes, Locale locale) {
        String names = LanguageNames.list(codes, locale == null ? DE : locale);
        return names.isEmpty() ? "—" : names;
    }

    /** The sum of counts such as grants by status, formatted: {APPLIED=2, APPROVED=1} → "3". */
    public String total(java.util.Map<?, ? extends Number> counts) {
        return number(counts == null ? 0 : counts.values().stream().mapToLong(Number::longValue).sum());
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(DE).format(value);
    }

    /** The share {@code part / whole} in whole percent, for a bar: 0 to 100; 0 without a whole. */
    public int share(Money part, Money whole) {
        if (part == null || whole == null || whole.isZero()) {
            return 0;
        }
        long percent = BigDecimal.valueOf(part.cents()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole.cents()), 0, RoundingMode.HALF_UP).longValue();
        return (int) Math.max(0, Math.min(100, percent));
    }

    /** The share as people read it: "62 %"; "—" without a whole. */
    public String percent(Money part, Money whole) {
        if (part == null || whole == null || whole.isZero()) {
            return "—";
        }
        BigDecimal percent = BigDecimal.valueOf(part.cents()).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole.cents()), 0, RoundingMode.HALF_UP);
        return NumberFormat.getIntegerInstance(DE).format(percent) + "\u00A0%";
    }
}
