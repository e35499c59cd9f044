package nrw.komman.web.notification;

import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.web.platform.page.Formats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notice in words: its kind's title ({@code notice.<KIND>.title}) and a sentence ({@code notice.<KIND>.text}) whose
 * named places ({@code {title}}, {@code {dueOn}}, ...) are the notice's facts: a day (ISO, 2027-06-30) as 30.06.2027,
 * an amount ({@code amount} or a name ending in {@code Amount}, in cents) in euros, like everywhere on the pages.
 * The places are named, not numbered, because each kind has its own facts; a sentence whose facts are not all there is
 * left out and the title alone stands, so a notice is never shown with a gap or a code.
 */
@Component
public class NoticeTexts {

    private static final Pattern PLACE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern CENTS = Pattern.compile("-?\\d{1,15}");

    private final MessageSource messages;
    private final Formats formats;

    public NoticeTexts(MessageSource messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    /** The kind's title, e.g. "Verwendungsnachweis überfällig"; a kind the bundle does not know reads "Benachrichtigung". */
    public String title(String kind, Locale locale) {
        return messages.getMessage("notice." + kind + ".title", null,
                messages.getMessage("notice.unknown.title", null, "Benachrichtigung", locale), locale);
    }

    /** The sentence of the notice with its facts, or null when the bundle has none or a fact it names is missing. */
    public String sentence(Notice notice, Locale locale) {
        return sentence(notice.kind(), notice.facts(), locale);
    }

    String sentence(String kind, Map<String, String> facts, Locale locale) {
        // without arguments the bundle hands out the text as written (no MessageFormat), with its named places
        String text = messages.getMessage("notice." + kind + ".text", null, null, locale);
        if (text == null) {
            return null;
        }
        Matcher m = PLACE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = facts.get(m.group(1));
            if (value == null || value.isBlank()) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(format(m.group(1), value.strip())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** One fact as the pages write it: days and amounts in German form, everything else as it is. */
    String format(String name, String value) {
        if (ISO_DAY.matcher(value).matches()) {
            try {
                return Nrw.date(LocalDate.parse(value));
            } catch (RuntimeException e) {
                return value;
            }
        }
        if (name.equals("amount") || name.endsWith("Amount") || name.endsWith("Cents")) {
            try {
                return formats.euro(CENTS.matcher(value).matches() ? Money.ofCents(Long.parseLong(value)) : Money.parse(value));
            } catch (RuntimeException e) {
                return value;
            }
        }
        return value;
    }
}
