package nrw.komman.web.notification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.Nrw;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The texts of notice e-mails, German or English (the account's language), each as plain text and as HTML from the
 * templates {@code templates/mail/notice.txt} and {@code notice.html}: the subject "KOMM-AN NRW: …" naming the item,
 * a sentence per notice with a link to its page (absolute, {@code komman.mail.base-url}), why the account gets it and
 * where to change that. Words come from the message bundles ({@code mail.notice.<KIND>.subject|body|action}); the
 * notice's facts fill them in, the same arguments for every kind:
 * {0} the grant's title (a request: its category), {1} the centre's name, {2} the funding year, {3} the due day,
 * {4} the amount, {5} the other day of the notice (applied, reviewed, disbursed, submitted, approved, requested,
 * proposed, the due day before an extension, a request's first day), {6} the tranche, {7} the recommendation,
 * {8} a request's last day, {9} the time an assignment starts, {10} an assignment's day or days in words. Dates and
 * amounts are written the German way in both languages, like the pages.
 *
 * <p>A volunteer has no account and no language setting: their e-mail ({@link #toVolunteer}, templates
 * {@code volunteer.txt|html}) is German with a short English paragraph, leads to their personal link and says how to
 * stop e-mails (ADR 38).
 */
@Component
public class NoticeMailTexts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SETTINGS_PATH = "/benachrichtigungen/einstellungen";
    /** The page of the volunteer's link that withdraws the consent to e-mail (after a confirmation). */
    public static final String STOP_PATH = "/keine-emails";

    /** One notice as the e-mail tells it. */
    public record Item(String body, String action, String link) {
    }

    /** An e-mail's texts. */
    public record Mail(String subject, String text, String html) {
    }

    /** A notice to word: its kind, facts (JSON) and page. */
    public record Notice(String kind, String facts, String link) {
    }

    private final MessageSource messages;
    private final NoticeMailProperties properties;
    // its own engine (SpEL, like the pages'), apart from the pages' resolver: text and HTML templates under templates/mail/
    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    public NoticeMailTexts(MessageSource messages, NoticeMailProperties properties) {
        this.messages = messages;
        this.properties = properties;
        templates.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
        templates.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setOrder(order);
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCheckExistence(true);
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setCacheable(true);
        return resolver;
    }

    /** The locale of an account's language: English for "en", else German. */
    public static Locale locale(String language) {
        return "en".equals(language) ? Locale.ENGLISH : Locale.GERMAN;
    }

    /** The e-mail of one notice. */
    public Mail single(Notice notice, String username, Locale locale) {
        Object[] args = arguments(notice.facts(), locale);
        String subject = word("mail.subject", locale, word("mail.notice." + notice.kind() + ".subject", locale, args));
        Item item = item(notice, args, locale);
        return mail(subject, word("mail.notice." + notice.kind() + ".subject", locale, args), List.of(item),
                word("mail.why.single", locale, username), locale);
    }

    /** The daily digest of several notices. */
    public Mail digest(List<Notice> notices, String username, LocalDate day, Locale locale) {
        String heading = word("mail.digest.heading", locale, notices.size(), Nrw.date(day));
        List<Item> items = notices.stream().map(n -> item(n, arguments(n.facts(), locale), locale)).toList();
        return mail(word("mail.subject", locale, heading), heading, items, word("mail.why.digest", locale, username), locale);
    }

    /**
     * The e-mail to a volunteer: German, then the same in short in English; {@code notice.link()} is the path of the
     * volunteer's personal link (the token in it), the way to stop e-mails is that link's "Keine E-Mails mehr" page.
     */
    public Mail toVolunteer(Notice notice) {
        Object[] de = arguments(notice.facts(), Locale.GERMAN);
        Object[] en = arguments(notice.facts(), Locale.ENGLISH);
        String heading = word("mail.notice." + notice.kind() + ".subject", Locale.GERMAN, de);
        String subject = word("mail.subject", Locale.GERMAN, heading);
        Context context = new Context(Locale.GERMAN);
        context.setVariable("subject", subject);
        context.setVariable("de", volunteerPart(notice, de, Locale.GERMAN));
        context.setVariable("en", volunteerPart(notice, en, Locale.ENGLISH));
        context.setVariable("englishHeading", word("mail.volunteer.english", Locale.GERMAN));
        return new Mail(subject, templates.process("volunteer.txt", context), templates.process("volunteer.html", context));
    }

    /** The words of a volunteer's e-mail in one language. */
    public record VolunteerPart(String heading, String body, String action, String link, String why, String stop,
                                String stopLink) {
    }

    private VolunteerPart volunteerPart(Notice notice, Object[] args, Locale locale) {
        String link = properties.link(notice.link());
        return new VolunteerPart(word("mail.notice." + notice.kind() + ".subject", locale, args),
                word("mail.notice." + notice.kind() + ".body", locale, args),
                word("mail.notice." + notice.kind() + ".action", locale, args), link,
                word("mail.volunteer.why", locale), word("mail.volunteer.stop", locale),
                properties.link(notice.link() + STOP_PATH));
    }

    private Item item(Notice notice, Object[] args, Locale locale) {
        return new Item(word("mail.notice." + notice.kind() + ".body", locale, args),
                word("mail.notice." + notice.kind() + ".action", locale, args), properties.link(notice.link()));
    }

    private Mail mail(String subject, String heading, List<Item> items, String why, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("lang", locale.getLanguage());
        context.setVariable("subject", subject);
        context.setVariable("heading", heading);
        context.setVariable("items", items);
        context.setVariable("why", why);
        context.setVariable("settingsText", word("mail.settings", locale));
        context.setVariable("settingsLink", properties.link(SETTINGS_PATH));
        return new Mail(subject, templates.process("notice.txt", context), templates.process("notice.html", context));
    }

    private Object[] arguments(String factsJson, Locale locale) {
        Map<String, String> facts = facts(factsJson);
        String title = facts.get("title");
        if (title == null && facts.containsKey("category")) {
            title = word("category." + facts.get("category"), locale);
        }
        return new Object[]{
                orDash(title),
                orDash(facts.getOrDefault("centreName", facts.get("centre"))),
                orDash(facts.get("fundingYear")),
                date(facts.get("dueOn")),
                amount(first(facts, "amountCents", "approvedCents", "proposedCents", "requestedCents", "spentCents")),
                date(first(facts, "dueBefore", "appliedOn", "reviewedOn", "disbursedOn", "submittedOn", "approvedOn",
                        "requestedOn", "proposedOn", "firstDay")),
                orDash(facts.get("tranche")),
                facts.containsKey("recommendation") ? word("mail.recommendation." + facts.get("recommendation"), locale) : "—",
                date(facts.get("lastDay")),
                time(first(facts, "startTime", "startsAt")),
                // a reminder names the one day it is for; an invitation the request's days
                facts.containsKey("day") ? days(facts.get("day"), null, locale)
                        : days(facts.get("firstDay"), facts.get("lastDay"), locale)};
    }

    /** "am 12.03.2027" or "vom 12.03.2027 bis 14.03.2027" (English: "on …", "from … to …"). */
    private String days(String first, String last, Locale locale) {
        if (first == null) {
            return "—";
        }
        return last == null || last.equals(first) ? word("mail.days.one", locale, date(first))
                : word("mail.days.range", locale, date(first), date(last));
    }

    /** A time of day ("09:30") or an instant, as NRW's clock shows it. */
    private static String time(String value) {
        if (value == null || value.isBlank()) {
            return "—";
        }
        if (value.contains("T")) {
            return java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(Instant.parse(value).atZone(Nrw.ZONE));
        }
        return value.length() > 5 ? value.substring(0, 5) : value;
    }

    static Map<String, String> facts(String json) {
        try {
            return JSON.readValue(json == null ? "{}" : json, new TypeReference<Map<String, String>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("the facts of a notice are not a JSON object of strings", e);
        }
    }

    private static String first(Map<String, String> facts, String... keys) {
        for (String key : keys) {
            if (facts.get(key) != null) {
                return facts.get(key);
            }
        }
        return null;
    }

    private static String date(String iso) {
        return iso == null ? "—" : Nrw.date(LocalDate.parse(iso));
    }

    private static String amount(String cents) {
        return cents == null ? "—" : Nrw.euros(Money.ofCents(Long.parseLong(cents)));
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private String word(String key, Locale locale, Object... args) {
        try {
            return messages.getMessage(key, args, locale);
        } catch (NoSuchMessageException missing) {
            return key;
        }
    }
}
