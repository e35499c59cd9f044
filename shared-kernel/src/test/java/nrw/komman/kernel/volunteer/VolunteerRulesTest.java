package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.common.DomainException;
import nrw.komman.kernel.common.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VolunteerRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T11:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void an_e_mail_address_or_a_phone_number_is_needed() {
        assertRefused(() -> VolunteerRules.checkContact(null, " "), "contact.missing");
        assertThatCode(() -> VolunteerRules.checkContact("a@example.org", null)).doesNotThrowAnyException();
        assertThatCode(() -> VolunteerRules.checkContact(null, "0221 5550101")).doesNotThrowAnyException();
    }

    @Test
    void the_personal_data_apply_the_same_contact_rule() {
        assertRefused(() -> new PersonalData("Amina", null, null, null, Set.of(), Set.of()), "contact.missing");
    }

    @Test
    void a_malformed_e_mail_address_or_phone_number_is_refused_and_none_is_fine() {
        assertRefused(() -> VolunteerRules.checkEmail("amina@beispiel"), "email.malformed");
        assertRefused(() -> VolunteerRules.checkPhone("ruf mich an"), "phone.malformed");
        assertThatCode(() -> VolunteerRules.checkEmail(null)).doesNotThrowAnyException();
        assertThatCode(() -> VolunteerRules.checkPhone("")).doesNotThrowAnyException();
        assertThatCode(() -> VolunteerRules.checkEmail("Amina@Example.org")).doesNotThrowAnyException();
    }

    @Test
    void a_consent_is_never_signed_in_the_future() {
        assertRefused(() -> VolunteerRules.checkConsentGiven(NOW.plusSeconds(1), NOW), "consent.givenAt.future");
        assertThatCode(() -> VolunteerRules.checkConsentGiven(NOW, NOW)).doesNotThrowAnyException();
        assertThatCode(() -> VolunteerRules.checkConsentGiven(null, NOW)).as("a date that did not parse").doesNotThrowAnyException();
    }

    @Test
    void a_registration_is_never_dated_in_the_future() {
        assertRefused(() -> VolunteerRules.checkRegisteredOn(TODAY.plusDays(1), TODAY), "volunteer.registered-on.future");
        assertThatCode(() -> VolunteerRules.checkRegisteredOn(TODAY, TODAY)).doesNotThrowAnyException();
        assertThatCode(() -> VolunteerRules.checkRegisteredOn(null, TODAY)).doesNotThrowAnyException();
    }

    @Test
    void dari_kurmanji_and_sorani_have_three_letter_codes_and_two_letter_codes_stay_two() {
        assertThat(Languages.normalise(List.of("prs", "KMR", " ckb ", "ti", "ps", "ar"))).containsExactly("ar", "ckb", "kmr", "prs", "ps", "ti");
    }

    @Test
    void a_three_letter_code_of_a_language_with_two_letters_is_stored_as_the_two() {
        assertThat(Languages.normalise(List.of("ara", "fas", "pus", "tir", "deu"))).containsExactly("ar", "de", "fa", "ps", "ti");
    }

    @Test
    void an_unknown_code_is_refused() {
        assertRefused(() -> Languages.normalise(List.of("xyz")), "languages.unknown");
        assertRefused(() -> Languages.normalise(List.of("Dari")), "languages.unknown");
    }

    @Test
    void personal_data_sealed_with_two_letter_codes_still_decode() {
        PersonalData old = new PersonalData("Amina", "a@example.org", null, null, Set.of("ar", "ku"), Set.of());
        assertThat(PersonalData.decode(old.encode()).languages()).containsExactly("ar", "ku");
        PersonalData dari = new PersonalData("Amina", "a@example.org", null, null, Set.of("prs"), Set.of());
        assertThat(PersonalData.decode(dari.encode()).languages()).containsExactly("prs");
    }

    private static void assertRefused(Runnable check, String code) {
        assertThatThrownBy(check::run).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo(code));
    }
}
