package nrw.komman.kernel.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void a_decimal_string_is_parsed_to_exact_cents() {
        assertThat(Money.parse("12500.00").cents()).isEqualTo(1_250_000);
        assertThat(Money.parse("0.1").cents()).isEqualTo(10);
        assertThat(Money.parse(" 99.99 ").cents()).isEqualTo(9_999);
    }

    @Test
    void amounts_print_as_decimal_strings_with_two_decimals() {
        assertThat(Money.ofCents(1_250_000)).hasToString("12500.00");
        assertThat(Money.ofCents(5)).hasToString("0.05");
    }

    @Test
    void sums_are_exact_where_floating_point_is_not() {
        Money sum = Money.ZERO;
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(Money.parse("0.10"));
        }
        assertThat(sum).isEqualTo(Money.parse("1.00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1.00", "1.001", "abc", "", "1e400", "1000000000.01", "NaN"})
    void negative_malformed_too_precise_or_absurd_amounts_are_refused(String input) {
        assertThatThrownBy(() -> Money.parse(input)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_negative_amount_cannot_be_constructed_or_computed() {
        assertThatThrownBy(() -> Money.ofCents(-1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Money.ofCents(100).minus(Money.ofCents(101))).isInstanceOf(InvalidInputException.class);
    }
}
