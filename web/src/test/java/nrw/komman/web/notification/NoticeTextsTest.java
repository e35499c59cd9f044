package nrw.komman.web.notification;

import nrw.komman.kernel.notification.NoticeKind;
import nrw.komman.web.platform.page.Formats;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of notice in words, German and English alike; facts in the pages' formats; links that stay on the platform. */
class NoticeTextsTest {

    private static final Pattern PLACE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final ResourceBundleMessageSource messages = bundle();
    private final NoticeTexts texts = new NoticeTexts(messages, new Formats());

    private static ResourceBundleMessageSource bundle() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @Test
    void every_kind_has_a_title_and_a_sentence_with_the_same_facts_in_german_and_english() {
        for (NoticeKind kind : NoticeKind.values()) {
            String german = messages.getMessage("notice." + kind + ".text", null, Locale.GERMANY);
            String english = messages.getMessage("notice." + kind + ".text", null, Locale.ENGLISH);
            assertThat(german).as(kind + " German").isNotEqualTo(english);
            assertThat(places(english)).as(kind + ": the facts of the English sentence").isEqualTo(places(german));
            assertThat(texts.title(kind.name(), Locale.GERMANY)).as(kind + " title").isNotBlank().isNotEqualTo("Benachrichtigung");
        }
    }

    @Test
    void days_and_amounts_read_as_on_the_pages_and_a_missing_fact_leaves_the_sentence_out() {
        assertThat(texts.sentence("TRANCHE_SPENDING_OVERDUE", Map.of("title", "Sprachcafé", "amountCents", "1250050",
                "disbursedOn", "2027-03-01", "dueOn", "2027-05-01"), Locale.GERMANY))
                .isEqualTo("Die am 01.03.2027 für „Sprachcafé“ ausgezahlten 12.500,50\u00A0€ sind bis zum 01.05.2027 nicht als verausgabt gemeldet.");
        assertThat(texts.sentence("GRANT_APPROVED", Map.of("title", "Sprachcafé", "approvedCents", "900000"), Locale.GERMANY))
                .isEqualTo("„Sprachcafé“ ist bewilligt: 9.000,00\u00A0€.");
        assertThat(texts.sentence("USAGE_REPORT_DUE_SOON", Map.of("title", "Sprachcafé"), Locale.GERMANY)).isNull();
        assertThat(texts.sentence("NO_SUCH_KIND", Map.of(), Locale.GERMANY)).isNull();
        assertThat(texts.title("NO_SUCH_KIND", Locale.GERMANY)).isEqualTo("Benachrichtigung");
        // a title with $ or \\ is taken as it is, never as a pattern
        assertThat(texts.sentence("GRANT_REJECTED", Map.of("title", "Kurs $1 \\\\ A"), Locale.GERMANY))
                .isEqualTo("Der Antrag „Kurs $1 \\\\ A“ ist abgelehnt.");
    }

    @Test
    void a_notice_leads_only_to_a_path_of_the_platform() {
        assertThat(NoticeLinks.isLocal("/zuwendungen/0b5c7e3e-1d2a-4c4e-9a5f-3c2d1e0f9a8b")).isTrue();
        assertThat(NoticeLinks.isLocal("/zentrum/anfragen/abc?tag=2027-07-01")).isTrue();
        for (String outside : new String[]{"//boese.example", "/\\boese.example", "https://boese.example/", "javascript:alert(1)",
                "zuwendungen/x", "/x y", "/x\r\nLocation: //boese.example", "", null, "/" + "a".repeat(300)}) {
            assertThat(NoticeLinks.isLocal(outside)).as(String.valueOf(outside)).isFalse();
        }
    }

    @Test
    void facts_that_are_no_json_object_of_strings_are_none() {
        assertThat(NoticeInbox.facts("{\"title\":\"A\",\"year\":2027}")).containsEntry("title", "A").containsEntry("year", "2027");
        assertThat(NoticeInbox.facts("kein json")).isEmpty();
        assertThat(NoticeInbox.facts(null)).isEmpty();
    }

    private static Set<String> places(String text) {
        Set<String> places = new TreeSet<>();
        Matcher m = PLACE.matcher(text);
        while (m.find()) {
            places.add(m.group(1));
        }
        return places;
    }
}
