package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.common.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static nrw.komman.kernel.activity.ActivityCategory.ACCOMPANIMENT;
import static nrw.komman.kernel.activity.ActivityCategory.INTERPRETING;
import static nrw.komman.kernel.activity.ActivityCategory.LANGUAGE_SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataVaultTest {

    private final InMemoryKeyRing keys = new InMemoryKeyRing();
    private final PersonalDataVault vault = new AesGcmPersonalDataVault(keys);
    private final VolunteerId amina = VolunteerId.random();
    private final PersonalData data = new PersonalData("Amina Haddad", "Amina@Example.org", "+49 221 123456", "dienstags",
            Set.of("fa", "AR", " uk"), Set.of(INTERPRETING, LANGUAGE_SUPPORT));

    @Test
    void sealed_data_opens_to_the_same_data_and_shows_none_of_it() {
        SealedPersonalData sealed = vault.seal(amina, data);

        assertThat(sealed.ciphertext()).doesNotContain("Amina", "amina", "example", "123456");
        assertThat(vault.open(amina, sealed)).contains(data);
    }

    @Test
    void after_shredding_the_key_the_data_never_opens_again() {
        SealedPersonalData sealed = vault.seal(amina, data);
        SealedText note = vault.sealText(amina, "hat Frau K. zum Jobcenter begleitet");

        vault.shred(amina);

        assertThat(vault.open(amina, sealed)).isEmpty();
        assertThat(vault.openText(amina, note)).isEmpty();
        assertThat(vault.isShredded(amina)).isTrue();
    }

    @Test
    void shredding_one_volunteer_leaves_every_other_readable() {
        VolunteerId other = VolunteerId.random();
        SealedPersonalData othersData = vault.seal(other, data);
        vault.seal(amina, data);

        vault.shred(amina);

        assertThat(vault.open(other, othersData)).contains(data);
    }

    @Test
    void data_sealed_for_one_volunteer_does_not_open_as_another_volunteers() {
        SealedPersonalData sealed = vault.seal(amina, data);
        VolunteerId other = VolunteerId.random();
        vault.seal(other, data);

        assertThatThrownBy(() -> vault.open(other, sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_opener_looks_the_keys_of_a_page_up_once_and_opens_what_the_vault_opens() {
        VolunteerId other = VolunteerId.random();
        VolunteerId erased = VolunteerId.random();
        SealedPersonalData aminas = vault.seal(amina, data);
        SealedText note = vault.sealText(other, "Termin Ausländerbehörde");
        SealedPersonalData erasedData = vault.seal(erased, data);
        vault.shred(erased);
        List<List<VolunteerId>> lookUps = new java.util.ArrayList<>();
        KeyRing counting = new KeyRing() {
            public byte[] keyFor(VolunteerId subject) { return keys.keyFor(subject); }
            public java.util.Optional<byte[]> existingKey(VolunteerId subject) {
                lookUps.add(List.of(subject));
                return keys.existingKey(subject);
            }
            public java.util.Map<VolunteerId, byte[]> existingKeys(java.util.Collection<VolunteerId> subjects) {
                lookUps.add(List.copyOf(subjects));
                return keys.existingKeys(subjects);
            }
            public void destroy(VolunteerId subject) { keys.destroy(subject); }
            public boolean isDestroyed(VolunteerId subject) { return keys.isDestroyed(subject); }
        };

        PersonalDataVault.Opener opener = new AesGcmPersonalDataVault(counting).openerFor(List.of(amina, other, erased));

        assertThat(opener.open(amina, aminas)).contains(data);
        assertThat(opener.openText(other, note)).contains("Termin Ausländerbehörde");
        assertThat(opener.open(erased, erasedData)).as("a destroyed key opens nothing").isEmpty();
        assertThat(opener.hasKey(amina)).isTrue();
        assertThat(opener.hasKey(erased)).isFalse();
        assertThat(opener.open(VolunteerId.random(), aminas)).as("not asked for: no key").isEmpty();
        assertThat(lookUps).as("one look-up for the whole page").hasSize(1);
        assertThatThrownBy(() -> opener.open(other, aminas)).as("bound to its volunteer").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void matching_opens_the_profile_the_full_data_has_and_nothing_once_the_key_is_gone() {
        VolunteerId erased = VolunteerId.random();
        PersonalData without = new PersonalData("Jonas", null, "0221 555", null, null, null);
        VolunteerId jonas = VolunteerId.random();
        SealedPersonalData aminas = vault.seal(amina, data);
        SealedPersonalData jonass = vault.seal(jonas, without);
        SealedPersonalData erasedData = vault.seal(erased, data);
        vault.shred(erased);

        PersonalDataVault.Opener opener = vault.openerFor(List.of(amina, jonas, erased));

        assertThat(opener.openProfile(amina, aminas)).contains(PersonalData.Profile.of(data));
        assertThat(opener.openProfile(amina, aminas).orElseThrow().languages()).containsExactlyInAnyOrder("fa", "ar", "uk");
        assertThat(opener.openProfile(jonas, jonass)).contains(new PersonalData.Profile("Jonas", Set.of(), Set.of()));
        assertThat(opener.openProfile(erased, erasedData)).isEmpty();
        assertThatThrownBy(() -> opener.openProfile(jonas, aminas)).as("bound to its volunteer").isInstanceOf(IllegalStateException.class);
        // data sealed before languages and interests were sealed has four fields
        assertThat(PersonalData.profileOf("Alt\u001Falt@example.org\u001F\u001F"))
                .isEqualTo(new PersonalData.Profile("Alt", Set.of(), Set.of()));
        assertThatThrownBy(() -> PersonalData.profileOf("nur ein Feld")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_default_batch_look_up_of_keys_leaves_out_destroyed_and_unknown_keys() {
        VolunteerId other = VolunteerId.random();
        VolunteerId erased = VolunteerId.random();
        byte[] aminasKey = keys.keyFor(amina);
        keys.keyFor(erased);
        keys.destroy(erased);

        assertThat(keys.existingKeys(List.of(amina, other, erased, amina))).containsOnlyKeys(amina).containsEntry(amina, aminasKey);
    }

    @Test
    void the_email_is_normalised_to_lower_case() {
        assertThat(data.email()).isEqualTo("amina@example.org");
    }

    @Test
    void contact_needs_an_email_or_a_phone() {
        assertThatThrownBy(() -> new PersonalData("Amina", null, null, null, null, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new PersonalData("Amina", "not-an-email", null, null, null, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new PersonalData("Amina", null, "call me", null, null, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new PersonalData("x".repeat(201), "a@b.de", null, null, null, null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void languages_must_be_iso_639_1_codes() {
        assertThat(Languages.normalise(java.util.List.of("AR", "fa", "uk"))).containsExactly("ar", "fa", "uk");
        assertThatThrownBy(() -> Languages.normalise(java.util.List.of("arabic"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void languages_and_interests_are_part_of_the_personal_data_normalised_sorted_and_immutable() {
        assertThat(data.languages()).containsExactly("ar", "fa", "uk");
        assertThat(data.interests()).containsExactly(LANGUAGE_SUPPORT, INTERPRETING);
        assertThatThrownBy(() -> data.languages().add("de")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> data.interests().add(ACCOMPANIMENT)).isInstanceOf(UnsupportedOperationException.class);

        PersonalData none = new PersonalData("Jonas Weber", null, "02162 98765", null, null, null);
        assertThat(none.languages()).isEmpty();
        assertThat(none.interests()).isEmpty();
    }

    @Test
    void languages_must_be_iso_639_1_codes_and_interests_must_not_be_missing() {
        assertThatThrownBy(() -> new PersonalData("Amina", "a@b.de", null, null, Set.of("arabic"), null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("languages.unknown"));
        Set<ActivityCategory> withNull = new HashSet<>(Arrays.asList(LANGUAGE_SUPPORT, null));
        assertThatThrownBy(() -> new PersonalData("Amina", "a@b.de", null, null, null, withNull))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("interests.missing"));
    }

    @Test
    void encode_and_decode_round_trip_languages_and_interests() {
        PersonalData none = new PersonalData("Jonas Weber", null, "02162 98765", null, Set.of(), Set.of());
        PersonalData oneEach = new PersonalData("Olena", "olena@example.org", null, "abends\nund am Wochenende",
                Set.of("uk"), Set.of(ACCOMPANIMENT));

        for (PersonalData d : List.of(data, none, oneEach)) {
            assertThat(PersonalData.decode(d.encode())).isEqualTo(d);
        }
        assertThat(PersonalData.decode(data.encode()).languages()).containsExactly("ar", "fa", "uk");
        assertThat(PersonalData.decode(data.encode()).interests()).containsExactly(LANGUAGE_SUPPORT, INTERPRETING);
    }

    @Test
    void the_encoded_form_is_deterministic_whatever_the_order_of_the_input() {
        PersonalData sameInOtherOrder = new PersonalData("Amina Haddad", "amina@example.org", "+49 221 123456", "dienstags",
                new LinkedHashSet<>(List.of("uk", "fa", "ar")),
                new LinkedHashSet<>(List.of(INTERPRETING, LANGUAGE_SUPPORT)));

        assertThat(sameInOtherOrder.encode()).isEqualTo(data.encode())
                .endsWith("\u001Far,fa,uk\u001FLANGUAGE_SUPPORT,INTERPRETING");
    }

    @Test
    void decode_refuses_a_malformed_text_and_reads_data_sealed_before_languages_and_interests_were() {
        PersonalData old = PersonalData.decode("Amina Haddad\u001Famina@example.org\u001F\u001Fdienstags");
        assertThat(old.name()).isEqualTo("Amina Haddad");
        assertThat(old.phone()).isNull();
        assertThat(old.languages()).isEmpty();
        assertThat(old.interests()).isEmpty();

        assertThatThrownBy(() -> PersonalData.decode("Amina Haddad\u001Famina@example.org\u001F\u001Fdienstags\u001Far"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonalData.decode("Amina\u001Fa@b.de\u001F\u001F\u001Far\u001FSECRET_HOBBY"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("SECRET_HOBBY");
    }

    @Test
    void a_sealed_profile_does_not_reveal_the_languages_or_interests() {
        SealedPersonalData sealed = vault.seal(amina, data);
        byte[] raw = Base64.getDecoder().decode(sealed.ciphertext());

        for (String plain : List.of("ar,fa,uk", "LANGUAGE_SUPPORT", "INTERPRETING")) {
            assertThat(sealed.ciphertext()).doesNotContainIgnoringCase(plain);
            assertThat(indexOf(raw, plain.getBytes(StandardCharsets.UTF_8))).as(plain).isEqualTo(-1);
        }
        assertThat(vault.open(amina, sealed)).get().satisfies(opened -> {
            assertThat(opened.languages()).containsExactly("ar", "fa", "uk");
            assertThat(opened.interests()).containsExactly(LANGUAGE_SUPPORT, INTERPRETING);
        });
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
