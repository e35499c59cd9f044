package nrw.komman.command.volunteer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailFingerprintTest {

    private static final String PEPPER = "test-pepper-0123456789abcdef";

    @Test
    void the_fingerprint_is_the_hmac_sha256_of_the_lower_cased_address_in_hex() {
        // printf '%s' 'anna@example.org' | openssl dgst -sha256 -hmac 'test-pepper-0123456789abcdef'
        assertThat(new EmailFingerprint(PEPPER).of("  Anna@Example.ORG "))
                .isEqualTo("862aaa5869e14bf9390b8b6acd6d1a0f77eb7ecc93309d5a12e2153235f56a55");
    }

    @Test
    void another_pepper_gives_another_fingerprint() {
        assertThat(new EmailFingerprint("another-pepper-0123456789").of("anna@example.org"))
                .isNotEqualTo(new EmailFingerprint(PEPPER).of("anna@example.org"));
    }

    @Test
    void a_missing_or_short_pepper_stops_the_start() {
        assertThatThrownBy(() -> new EmailFingerprint("")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("komman.personal-data.email-pepper");
        assertThatThrownBy(() -> new EmailFingerprint("short")).isInstanceOf(IllegalStateException.class);
    }
}
