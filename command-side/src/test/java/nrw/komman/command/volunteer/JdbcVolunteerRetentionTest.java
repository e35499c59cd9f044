package nrw.komman.command.volunteer;

import nrw.komman.command.privacy.RetentionCandidates.InactiveVolunteer;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The register of inactive volunteers against a real database (H2 in PostgreSQL mode, schema by Flyway). */
class JdbcVolunteerRetentionTest {

    private static final CentreId VIERSEN = new CentreId("05166");
    private static final CentreId AACHEN = new CentreId("05334002");
    private static final LocalDate CUTOFF = LocalDate.of(2023, 11, 25);

    private final VolunteerId amira = VolunteerId.random();
    private final VolunteerId jonas = VolunteerId.random();
    private final VolunteerId lena = VolunteerId.random();
    private JdbcTemplate jdbc;
    private JdbcVolunteerRetention register;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:retention-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        register = new JdbcVolunteerRetention(jdbc);
    }

    @Test
    void the_candidates_are_those_inactive_since_the_cutoff_or_earlier_oldest_first() {
        register.deactivated(amira, VIERSEN, CUTOFF);
        register.deactivated(jonas, AACHEN, CUTOFF.minusYears(2));
        register.deactivated(lena, VIERSEN, CUTOFF.plusDays(1));

        assertThat(register.inactiveSinceOnOrBefore(CUTOFF)).containsExactly(
                new InactiveVolunteer(jonas, AACHEN, CUTOFF.minusYears(2)),
                new InactiveVolunteer(amira, VIERSEN, CUTOFF));
    }

    @Test
    void a_later_deactivation_moves_the_day_and_a_reactivation_or_erasure_removes_the_row() {
        register.deactivated(amira, VIERSEN, CUTOFF.minusYears(1));
        register.deactivated(amira, VIERSEN, CUTOFF.plusYears(1));
        assertThat(register.inactiveSinceOnOrBefore(CUTOFF)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from volunteer_retention", Integer.class)).isEqualTo(1);

        register.deactivated(jonas, VIERSEN, CUTOFF);
        register.reactivated(amira);
        register.erased(jonas);
        register.erased(lena); // never inactive: nothing to do

        assertThat(jdbc.queryForObject("select count(*) from volunteer_retention", Integer.class)).isZero();
    }

    @Test
    void the_register_holds_ids_and_dates_only() {
        assertThat(jdbc.queryForList("select lower(column_name) from information_schema.columns"
                + " where lower(table_name) = 'volunteer_retention' order by ordinal_position", String.class))
                .containsExactly("volunteer_id", "centre_id", "inactive_since");
    }
}
