package nrw.komman.kernel.centre;

import nrw.komman.kernel.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CentreIdTest {

    @Test
    void the_third_digit_of_the_key_names_the_regierungsbezirk() {
        assertThat(new CentreId("05111").regierungsbezirk()).isEqualTo(Regierungsbezirk.DUESSELDORF);
        assertThat(new CentreId("05315").regierungsbezirk()).isEqualTo(Regierungsbezirk.KOELN);
        assertThat(new CentreId("05334002").regierungsbezirk()).isEqualTo(Regierungsbezirk.KOELN);
        assertThat(new CentreId("05515").regierungsbezirk()).isEqualTo(Regierungsbezirk.MUENSTER);
        assertThat(new CentreId("05711").regierungsbezirk()).isEqualTo(Regierungsbezirk.DETMOLD);
        assertThat(new CentreId("05913").regierungsbezirk()).isEqualTo(Regierungsbezirk.ARNSBERG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "5315", "06315", "0531", "053150", "05315; drop table x", "05215", "0533400"})
    void keys_outside_north_rhine_westphalia_or_malformed_are_refused(String key) {
        assertThatThrownBy(() -> new CentreId(key)).isInstanceOf(InvalidInputException.class);
    }
}
