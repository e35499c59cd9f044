package nrw.komman.web.coordination;

import nrw.komman.kernel.coordination.HelpRequestSummary;
import nrw.komman.kernel.coordination.MatchReason;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.web.platform.page.LanguageNames;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Requests for help in words for the pages: when ("Di., 08.01.2030, 9:00–11:00 Uhr"; "donnerstags, 15:00–18:00 Uhr,
 * 01.01.2030 bis 31.03.2030") and why a volunteer is proposed ("spricht Dari", "dienstags vormittags verfügbar").
 * The read models hold codes; the words come from the bundles (German or English).
 */
@Component("requestWords")
public class RequestWords {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(Nrw.ZONE);

    private final MessageSource messages;

    RequestWords(MessageSource messages) {
        this.messages = messages;
    }

    /** When the help is needed, in one line. */
    public String schedule(Schedule schedule) {
        if (schedule == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        String times = text("request.time-span", TIME.format(schedule.start()), TIME.format(schedule.end()));
        if (!schedule.recurring()) {
            return weekdayShort(schedule.firstDay(), locale) + ", " + Nrw.date(schedule.firstDay()) + ", " + times;
        }
        String days = schedule.weekdays().stream().sorted().map(d -> text("weekday.every." + d.name()))
                .collect(Collectors.joining(", "));
        return days + ", " + times + ", " + text("request.period", Nrw.date(schedule.firstDay()), Nrw.date(schedule.lastDay()));
    }

    /** "Di., 08.01.2030" for a day of a schedule. */
    public String day(LocalDate day) {
        return weekdayShort(day, LocaleContextHolder.getLocale()) + ", " + Nrw.date(day);
    }

    public String time(LocalTime time) {
        return time == null ? "" : TIME.format(time);
    }

    /**
     * A request found unstaffed before it starts, in words: "Noch nicht besetzt – beginnt am 01.07.2025 um 09:00,
     * 1 von 2 bestätigt" (the places confirmed now, not when it was found); empty when it is not marked.
     */
    public String unstaffed(HelpRequestSummary request) {
        if (request == null || !request.unstaffed()) {
            return "";
        }
        return text("board.unstaffed", Nrw.date(LocalDate.ofInstant(request.unstaffedStartsAt(), Nrw.ZONE)),
                CLOCK_TIME.format(request.unstaffedStartsAt()), request.confirmed(), request.volunteersNeeded());
    }

    /** One reason of a match in words. */
    public String reason(MatchReason reason) {
        Locale locale = LocaleContextHolder.getLocale();
        String detail = reason.detail() == null ? "" : reason.detail();
        return switch (reason.code()) {
            case "language" -> text("match.reason.language", LanguageNames.of(detail, locale));
            case "interest" -> text("match.reason.interest", text("category." + detail));
            case "available" -> {
                String[] slot = detail.split(":");
                yield slot.length == 2
                        ? text("match.reason.available", text("weekday.every." + slot[0]), text("day-part.adverb." + slot[1]))
                        : text("match.reason.availability-unknown");
            }
            case "load" -> "1".equals(detail) ? text("match.reason.load.one") : text("match.reason.load", detail);
            case "free", "availability-unknown", "asked" -> text("match.reason." + reason.code());
            default -> text("match.reason.other");
        };
    }

    public String reasons(List<MatchReason> reasons) {
        return reasons == null ? "" : reasons.stream().map(this::reason).collect(Collectors.joining("; "));
    }

    /** One language's name: "prs" → "Dari". */
    public String language(String code) {
        return LanguageNames.of(code, LocaleContextHolder.getLocale());
    }

    public String languages(java.util.Collection<String> codes) {
        return LanguageNames.list(codes, LocaleContextHolder.getLocale());
    }

    private static String weekdayShort(LocalDate day, Locale locale) {
        String name = day.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale.getLanguage().equals("en") ? Locale.ENGLISH : Locale.GERMAN);
        return name.endsWith(".") ? name : name + (locale.getLanguage().equals("en") ? "" : ".");
    }

    private String text(String code, Object... arguments) {
        return messages.getMessage(code, arguments.length == 0 ? null : arguments, code, LocaleContextHolder.getLocale());
    }

    /** The weekdays in order, for the form's boxes. */
    static List<DayOfWeek> weekdays() {
        return List.of(DayOfWeek.values());
    }
}
