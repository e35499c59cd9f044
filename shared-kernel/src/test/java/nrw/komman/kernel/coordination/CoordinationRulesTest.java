package nrw.komman.kernel.coordination;

import nrw.komman.kernel.common.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How many a request asks for, and how long each time: the stateless rules the forms and the aggregate share. */
class CoordinationRulesTest {

    @Test
    void a_request_asks_for_one_to_twenty_volunteers() {
        assertThatCode(() -> CoordinationRules.checkVolunteersNeeded(1)).doesNotThrowAnyException();
        assertThatCode(() -> CoordinationRules.checkVolunteersNeeded(20)).doesNotThrowAnyException();
        assertThatThrownBy(() -> CoordinationRules.checkVolunteersNeeded(0)).isInstanceOf(InvalidInputException.class)
                .hasFieldOrPropertyWithValue("code", "volunteersNeeded.out-of-range");
        assertThatThrownBy(() -> CoordinationRules.checkVolunteersNeeded(21)).hasFieldOrPropertyWithValue("code", "volunteersNeeded.out-of-range");
    }

    @Test
    void the_duration_is_an_activitys_and_fits_into_the_time_span_of_a_day() {
        Schedule twoHours = Schedule.once(LocalDate.of(2026, 12, 8), LocalTime.of(9, 0), LocalTime.of(11, 0));
        assertThatCode(() -> CoordinationRules.checkMinutes(120, twoHours)).doesNotThrowAnyException();
        assertThatThrownBy(() -> CoordinationRules.checkMinutes(121, twoHours)).hasFieldOrPropertyWithValue("code", "minutes.beyond-span");
        assertThatThrownBy(() -> CoordinationRules.checkMinutes(0, twoHours)).isInstanceOf(InvalidInputException.class);
    }
}
