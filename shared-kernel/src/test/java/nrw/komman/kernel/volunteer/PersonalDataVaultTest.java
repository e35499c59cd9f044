package nrw.komman.kernel.volunteer;

import nrw.komman.kernel.common.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataVaultTest {

    private final InMemoryKeyRing keys = new InMemoryKeyRing();
    private final PersonalDataVault vault = new AesGcmPersonalDataVault(keys);
    private final VolunteerId amina = VolunteerId.random();
    private final PersonalData data = new PersonalData("Amina Haddad", "Amina@Example.org", "+49 221 123456", "dienstags");

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
    void the_email_is_normalised_to_lower_case() {
        assertThat(data.email()).isEqualTo("amina@example.org");
    }

    @Test
    void contact_needs_an_email_or_a_phone() {
        assertThatThrownBy(() -> new PersonalData("Amina", null, null, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new PersonalData("Amina", "not-an-email", null, null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new PersonalData("Amina", null, "call me", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new PersonalData("x".repeat(201), "a@b.de", null, null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void languages_must_be_iso_639_1_codes() {
        assertThat(Languages.normalise(java.util.List.of("AR", "fa", "uk"))).containsExactly("ar", "fa", "uk");
        assertThatThrownBy(() -> Languages.normalise(java.util.List.of("arabic"))).isInstanceOf(InvalidInputException.class);
    }
}
