package nrw.komman.kernel.common;

import nrw.komman.kernel.activity.LogActivityCommand;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.grant.ApplyForGrantCommand;
import nrw.komman.kernel.volunteer.ConsentRecord;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The text rule of ADR 25: per class of character, on Guard and on the value records and commands that use it. */
class PlainTextTest {

    @ParameterizedTest(name = "bidirectional control U+{0}")
    @ValueSource(strings = {"202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069", "200E", "200F", "061C"})
    void bidirectional_controls_are_refused(String hex) {
        assertInvisible("Anna" + cp(hex) + "lena");
    }

    @ParameterizedTest(name = "zero-width U+{0}")
    @ValueSource(strings = {"200B", "200C", "200D", "2060", "FEFF"})
    void zero_width_characters_between_latin_letters_are_refused(String hex) {
        assertInvisible("An" + cp(hex) + "na");
    }

    @Test
    void a_byte_order_mark_is_refused_anywhere() {
        assertInvisible("\uFEFFAnna");
        assertInvisible("Anna\uFEFF");
        assertInvisible("\uFEFF");
    }

    @ParameterizedTest(name = "other invisible U+{0}")
    @ValueSource(strings = {"00AD", "2061", "2062", "2063", "2064", "FFF9", "FFFB", "034F", "3164", "115F", "2028", "2029", "E0041", "180E"})
    void other_format_and_blank_characters_are_refused(String hex) {
        assertInvisible("Anna" + cp(hex) + "B");
    }

    @Test
    void lone_surrogates_and_what_a_decoder_leaves_of_bad_bytes_are_malformed() {
        assertMalformed("Anna\uD800");
        assertMalformed("\uDC00Anna");
        assertMalformed("An\uD83Dna");
        assertMalformed("Anna\uFFFD");
        assertMalformed("Anna\uFFFF");
        assertMalformed("Anna" + cp("1FFFE"));
    }

    @Test
    void control_characters_are_refused_but_line_breaks_and_tabs_are_text() {
        assertThat(PlainText.fault("Anna\u0000")).isEqualTo(PlainText.Fault.CONTROL);
        assertThat(PlainText.fault("Anna\u0085")).isEqualTo(PlainText.Fault.CONTROL);
        assertThat(PlainText.fault("Zeile 1\r\nZeile 2\tEnde")).isNull();
    }

    @Test
    void accented_letters_emoji_and_the_scripts_that_need_joiners_are_accepted() {
        for (String ok : new String[]{"Zoë Müller-Đorđević", "Łukasz Żółć", "أمينة حداد", "Ненад", "山田 太郎",
                "Hilfe 👍🏽 🎉", "👨\u200D👩\u200D👧", "🏳\uFE0F\u200D🌈", "👩🏽\u200D⚕\uFE0F",
                "🏴" + cp("E0067") + cp("E0062") + cp("E0065") + cp("E006E") + cp("E0067") + cp("E007F"), // England's flag
                "می\u200Cخواهم", "क्\u200Dष", "Notiz:\n– zweite Zeile", "\uE000 privat"}) {
            assertThat(PlainText.fault(ok)).as(ok).isNull();
            assertThat(Guard.text(ok, "name", "Der Name", 200)).isEqualTo(Normalizer.normalize(ok.strip(), Normalizer.Form.NFC));
        }
    }

    @Test
    void decomposed_text_comes_out_in_nfc() {
        String decomposed = "Zoe\u0308 Mu\u0308ller"; // e + combining diaeresis
        String stored = Guard.text(decomposed, "name", "Der Name", 200);
        assertThat(stored).isEqualTo("Zoë Müller").hasSize(10);
        assertThat(new PersonalData(decomposed, "zoe@example.org", null, "Montags", Set.of(), Set.of()).name()).isEqualTo("Zoë Müller");
    }

    @Test
    void the_length_limit_counts_the_text_in_nfc() {
        assertThat(Guard.text("e\u0301".repeat(5), "name", "Der Name", 5)).isEqualTo("é".repeat(5));
    }

    @Test
    void the_refusal_names_the_field_and_says_what_is_wrong_in_german() {
        assertThatThrownBy(() -> Guard.text("Anna\u202Eanul", "name", "Der Name", 200))
                .isInstanceOfSatisfying(InvalidTextException.class, e -> {
                    assertThat(e.field()).isEqualTo("name");
                    assertThat(e.code()).isEqualTo("name.invisible-characters");
                    assertThat(e.kind()).isEqualTo(DomainException.Kind.INVALID_INPUT);
                    assertThat(e.getMessage()).isEqualTo("Der Name enthält unsichtbare Steuerzeichen (z. B. Richtungsumkehr "
                            + "oder Null-Breite-Zeichen). Bitte geben Sie ihn ohne diese Zeichen ein.");
                });
        assertThatThrownBy(() -> Guard.optionalText("frei\uD800", "availability", "Die Verfügbarkeit", 500))
                .isInstanceOfSatisfying(InvalidTextException.class, e -> {
                    assertThat(e.code()).isEqualTo("availability.malformed-characters");
                    assertThat(e.getMessage()).startsWith("Die Verfügbarkeit enthält ungültig kodierte Zeichen").endsWith("sie erneut ein.");
                });
    }

    @Test
    void every_value_record_and_command_with_text_refuses_through_guard() {
        VolunteerId volunteer = new VolunteerId(java.util.UUID.randomUUID());
        assertRefused(() -> new PersonalData("Anna", "anna@example.org", null, "abends\u200B", Set.of(), Set.of()), "availability.invisible-characters");
        assertRefused(() -> new PersonalData("Anna", "an\u200Bna@example.org", null, null, Set.of(), Set.of()), "email.invisible-characters");
        assertRefused(() -> new ConsentRecord("Einwilligung\u2066", "2024-01", Instant.now()), "consent.document.invisible-characters");
        assertRefused(() -> new LogActivityCommand(volunteer, new ActivityId(java.util.UUID.randomUUID()), LocalDate.now(), 60, ActivityCategory.ACCOMPANIMENT,
                "Notiz\uD800", null), "note.malformed-characters");
        assertRefused(() -> new ApplyForGrantCommand(new nrw.komman.kernel.grant.GrantId(java.util.UUID.randomUUID()), new nrw.komman.kernel.centre.CentreId("05315"),
                2026, nrw.komman.kernel.grant.ProgrammePart.PART_II_A, "Titel\u202E", "Zweck", Money.parse("100.00")), "title.invisible-characters");
    }

    @Test
    void text_sealed_before_the_rule_is_still_read_without_the_refused_characters() {
        assertThat(PlainText.withoutRefusedCharacters("\uFEFFAn\u200Bna\u202E")).isEqualTo("Anna");
        assertThat(PersonalData.decode(String.join("\u001F", "\uFEFFAnna\u202E", "anna@example.org", "", "Mo\u200Bntags", "", "")).name())
                .isEqualTo("Anna");
    }

    private static void assertInvisible(String text) {
        assertThat(PlainText.fault(text)).as(text).isEqualTo(PlainText.Fault.INVISIBLE);
        assertRefused(() -> Guard.text(text, "name", "Der Name", 200), "name.invisible-characters");
    }

    private static void assertMalformed(String text) {
        assertThat(PlainText.fault(text)).as(text).isEqualTo(PlainText.Fault.MALFORMED);
        assertRefused(() -> Guard.text(text, "name", "Der Name", 200), "name.malformed-characters");
    }

    private static void assertRefused(Runnable action, String code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidTextException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private static String cp(String hex) {
        return new String(Character.toChars(Integer.parseInt(hex, 16)));
    }
}
