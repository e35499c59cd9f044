package nrw.komman.web.platform.page;

import nrw.komman.kernel.volunteer.Languages;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageNamesTest {

    @Test
    void every_language_a_centre_asked_for_has_a_german_and_an_english_name() {
        for (String code : Languages.ISO_639_3) {
            assertThat(LanguageNames.of(code, Locale.GERMAN)).as(code).isNotEqualTo(code);
            assertThat(LanguageNames.of(code, Locale.ENGLISH)).as(code).isNotEqualTo(code);
        }
        assertThat(LanguageNames.of("prs", Locale.GERMAN)).isEqualTo("Dari");
    }

    @Test
    void codes_are_shown_as_names_sorted_by_name() {
        assertThat(LanguageNames.list(List.of("de", "prs", "ckb"), Locale.GERMAN)).isEqualTo("Dari, Deutsch, Kurdisch (Sorani)");
        assertThat(LanguageNames.list(List.of(), Locale.GERMAN)).isEmpty();
    }

    @Test
    void a_name_in_german_or_english_or_a_code_leads_back_to_the_code() {
        assertThat(LanguageNames.code("dari")).contains("prs");
        assertThat(LanguageNames.code(" Kurdisch  (Kurmandschi) ")).contains("kmr");
        assertThat(LanguageNames.code("Arabic")).contains("ar");
        assertThat(LanguageNames.code("ti")).contains("ti");
        assertThat(LanguageNames.code("Klingonisch")).isEmpty();
    }

    @Test
    void the_list_to_choose_from_offers_names_only() {
        assertThat(LanguageNames.all(Locale.GERMAN)).containsEntry("prs", "Dari").containsEntry("am", "Amharisch")
                .allSatisfy((code, name) -> assertThat(name).isNotEqualTo(code));
    }
}
