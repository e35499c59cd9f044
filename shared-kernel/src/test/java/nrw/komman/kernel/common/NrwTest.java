package nrw.komman.kernel.common;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class NrwTest {

    @Test
    void today_is_the_day_in_nrw_whatever_zone_the_clock_runs_in() {
        Clock utc = Clock.fixed(Instant.parse("2025-12-31T23:30:00Z"), ZoneOffset.UTC);
        assertThat(Nrw.today(utc)).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(Nrw.dateOf(Instant.parse("2026-06-30T22:30:00Z"))).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void dates_and_amounts_read_as_the_administration_writes_them() {
        assertThat(Nrw.date(LocalDate.of(2025, 4, 5))).isEqualTo("05.04.2025");
        assertThat(Nrw.euros(Money.ofCents(123_456_789))).isEqualTo("1.234.567,89 €");
        assertThat(Nrw.euros(Money.ZERO)).isEqualTo("0,00 €");
    }
}
