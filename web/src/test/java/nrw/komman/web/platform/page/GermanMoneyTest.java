package nrw.komman.web.platform.page;

import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GermanMoneyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12.500,00|1250000", "12500|1250000", "12500,5|1250050", "12.500|1250000", "1.500|150000",
            "12 500,00 €|1250000", "12.500,00 EUR|1250000", "0,99|99", "1.000.000,01|100000001", " 7 |700"})
    void german_amounts_are_read_to_the_cent(String input, long cents) {
        assertThat(GermanMoney.parse(input)).isEqualTo(Money.ofCents(cents));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12.50|money.malformed", "12500.00|money.malformed", "12,5,0|money.malformed", "12.50.00|money.malformed",
            "zwölftausend|money.malformed", "1,234|money.too-precise", "-5|money.negative", "2.000.000.000|money.too-large",
            "1.2345|money.malformed", "12,|money.malformed"})
    void anything_ambiguous_or_wrong_is_refused_with_a_code(String input, String code) {
        assertThatThrownBy(() -> GermanMoney.parse(input)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void nothing_is_missing(String input) {
        assertThatThrownBy(() -> GermanMoney.parse(input)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.code()).isEqualTo("money.missing"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1250000|12.500,00", "99|0,99", "100000001|1.000.000,01"})
    void amounts_are_shown_again_as_typed_in_germany(long cents, String shown) {
        assertThat(GermanMoney.format(Money.ofCents(cents))).isEqualTo(shown);
        assertThat(GermanMoney.parse(shown)).isEqualTo(Money.ofCents(cents));
    }
}
