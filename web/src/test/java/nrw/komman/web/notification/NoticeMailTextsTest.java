package nrw.komman.web.notification;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The e-mails' words from the real bundles: every kind worded in both languages, plain text and accessible HTML. */
class NoticeMailTextsTest {

    private final NoticeMailTexts texts = new NoticeMailTexts(bundles(), new NoticeMailProperties("noreply@komm-an.nrw.example",
            URI.create("https://komm-an.example.org"), 8, Duration.ofMinutes(1), 5, Duration.ofHours(6), Duration.ofMinutes(2), 50));

    private static final String FACTS = "{\"title\":\"Café <Kalk> & \\\"mehr\\\"\",\"fundingYear\":\"2026\",\"centre\":\"05315\","
            + "\"centreName\":\"Köln, Stadt\",\"dueOn\":\"2027-06-30\",\"amountCents\":\"1250050\",\"tranche\":\"2\","
            + "\"disbursedOn\":\"2027-01-15\",\"recommendation\":\"APPROVE\"}";

    @Test
    void a_notice_is_one_e_mail_naming_its_item_with_a_link_and_why_it_came() {
        NoticeMailTexts.Mail mail = texts.single(new NoticeMailTexts.Notice("TRANCHE_SPENDING_OVERDUE", FACTS, "/zuwendungen/g-1"),
                "koeln.koordination", Locale.GERMAN);

        assertThat(mail.subject()).isEqualTo("KOMM-AN NRW: Ausgabe der 2. Rate von „Café <Kalk> & \"mehr\"“ nicht gemeldet");
        assertThat(mail.text()).contains("Die 2. Rate der Zuwendung „Café <Kalk> & \"mehr\"“ des Kommunalen Integrationszentrums „Köln, Stadt“"
                        + " (12.500,50 €, ausgezahlt am 15.01.2027) ist bis zum 30.06.2027 nicht als ausgegeben gemeldet.",
                "Zuwendung „Café <Kalk> & \"mehr\"“ öffnen: https://komm-an.example.org/zuwendungen/g-1",
                "Konto „koeln.koordination“",
                "https://komm-an.example.org/benachrichtigungen/einstellungen");
        assertThat(mail.html()).contains("<html lang=\"de\">", "<a href=\"https://komm-an.example.org/zuwendungen/g-1\">",
                "Café &lt;Kalk&gt; &amp;").doesNotContain("<Kalk>", "<table", "style=", "<script");
    }

    @Test
    void every_kind_told_to_accounts_is_worded_in_german_and_english() {
        List<String> kinds = Arrays.stream(nrw.komman.kernel.notification.NoticeKind.values())
                .filter(k -> !k.toVolunteer()).map(Enum::name).toList();
        assertThat(kinds).contains("REQUEST_UNSTAFFED");
        for (String kind : kinds) {
            for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
                NoticeMailTexts.Mail mail = texts.single(new NoticeMailTexts.Notice(kind, FACTS, "/x"), "konto", locale);
                assertThat(mail.subject()).as(kind + " " + locale).startsWith("KOMM-AN NRW: ").doesNotContain("mail.notice");
                assertThat(mail.text()).as(kind + " " + locale).doesNotContain("mail.notice", "{0}", "{1}", "{3}", "{4}", "{5}", "{9}", "{10}");
                assertThat(mail.html()).contains("lang=\"" + locale.getLanguage() + "\"");
            }
        }
    }

    private static final String ASKED = "{\"category\":\"ACCOMPANIMENT\",\"centre\":\"05315\",\"centreName\":\"Köln, Stadt\","
            + "\"firstDay\":\"2027-03-12\",\"lastDay\":\"2027-03-14\",\"startTime\":\"09:30\"}";

    @Test
    void a_volunteer_is_asked_in_german_with_a_short_english_paragraph_their_link_and_how_to_stop() {
        NoticeMailTexts.Mail mail = texts.toVolunteer(new NoticeMailTexts.Notice("ASSIGNMENT_ASKED", ASKED, "/mein-einsatz/TOKEN"));

        assertThat(mail.subject()).isEqualTo("KOMM-AN NRW: Anfrage für einen Einsatz: Begleitung zu Ämtern und Ärzt*innen");
        assertThat(mail.text()).contains(
                "Das Kommunale Integrationszentrum „Köln, Stadt“ fragt Sie für einen Einsatz an: Begleitung zu Ämtern und"
                        + " Ärzt*innen, vom 12.03.2027 bis 14.03.2027, Beginn 09:30 Uhr.",
                "Zusagen oder absagen: https://komm-an.example.org/mein-einsatz/TOKEN",
                "Keine E-Mails mehr erhalten: https://komm-an.example.org/mein-einsatz/TOKEN/keine-emails",
                "In English",
                "The integration centre \"Köln, Stadt\" asks you to help: Accompaniment to offices and doctors,"
                        + " from 12.03.2027 to 14.03.2027, starting at 09:30.",
                "Stop receiving e-mails: https://komm-an.example.org/mein-einsatz/TOKEN/keine-emails");
        // nothing about other people, no account, no settings page of accounts
        assertThat(mail.text()).doesNotContain("Konto", "/benachrichtigungen/einstellungen", "{", "mail.notice", "mail.volunteer", "mail.days");
        assertThat(mail.html()).contains("<html lang=\"de\">", "<section lang=\"en\">",
                "<a href=\"https://komm-an.example.org/mein-einsatz/TOKEN\">Zusagen oder absagen</a>",
                "<a href=\"https://komm-an.example.org/mein-einsatz/TOKEN/keine-emails\">Keine E-Mails mehr erhalten</a>")
                .doesNotContain("<table", "style=", "<script");
    }

    @Test
    void every_kind_told_to_volunteers_is_worded_in_german_and_english_with_one_day_or_an_instant() {
        String oneDay = "{\"category\":\"INTERPRETING\",\"centreName\":\"Bonn\",\"day\":\"2027-03-12\","
                + "\"startsAt\":\"2027-03-12T08:30:00Z\"}";
        List<String> kinds = Arrays.stream(nrw.komman.kernel.notification.NoticeKind.values())
                .filter(nrw.komman.kernel.notification.NoticeKind::toVolunteer).map(Enum::name).toList();
        assertThat(kinds).containsExactlyInAnyOrder("ASSIGNMENT_ASKED", "ASSIGNMENT_REMINDER");
        for (String kind : kinds) {
            NoticeMailTexts.Mail mail = texts.toVolunteer(new NoticeMailTexts.Notice(kind, oneDay, "/mein-einsatz/T"));
            assertThat(mail.subject()).as(kind).startsWith("KOMM-AN NRW: ").contains("Dolmetschen");
            // 08:30 UTC is 09:30 in Cologne in March
            assertThat(mail.text()).as(kind).contains("am 12.03.2027, Beginn 09:30 Uhr", "on 12.03.2027, starting at 09:30",
                    "Bonn").doesNotContain("mail.notice", "{9}", "{10}", "—");
        }
    }

    @Test
    void the_digest_lists_every_notice_in_one_e_mail() {
        NoticeMailTexts.Mail digest = texts.digest(List.of(
                        new NoticeMailTexts.Notice("GRANT_APPLIED", FACTS, "/zuwendungen/a/pruefung"),
                        new NoticeMailTexts.Notice("FUNDS_REQUESTED", FACTS, "/zuwendungen/a/auszahlung")),
                "bezreg", LocalDate.of(2027, 7, 1), Locale.ENGLISH);

        assertThat(digest.subject()).isEqualTo("KOMM-AN NRW: 2 new notices (as of 01.07.2027)");
        assertThat(digest.text()).contains("/zuwendungen/a/pruefung", "/zuwendungen/a/auszahlung", "once a day");
    }

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
