package nrw.komman.command.grant;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.grant.GrantId;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The register of grant files against a real database (H2 in PostgreSQL mode, schema by Flyway). */
class JdbcGrantFilesTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final LocalDate CUTOFF = LocalDate.of(2021, 11, 25);

    private JdbcGrantFiles files;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:grant-files-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        files = new JdbcGrantFiles(new JdbcTemplate(dataSource));
    }

    @Test
    void grant_files_reported_on_the_cutoff_or_earlier_are_due() {
        files.usageReported(GrantId.random(), KOELN, 2019, CUTOFF.minusYears(1));
        files.usageReported(GrantId.random(), KOELN, 2020, CUTOFF);
        files.usageReported(GrantId.random(), KOELN, 2021, CUTOFF.plusDays(1));

        assertThat(files.reportedOnOrBefore(CUTOFF)).isEqualTo(2);
        assertThat(files.reportedOnOrBefore(CUTOFF.minusYears(5))).isZero();
    }

    @Test
    void a_grant_is_one_file_whatever_happens_twice() {
        GrantId grant = GrantId.random();
        files.usageReported(grant, KOELN, 2020, CUTOFF.minusDays(3));
        files.usageReported(grant, KOELN, 2020, CUTOFF.plusDays(3));

        assertThat(files.reportedOnOrBefore(CUTOFF.plusYears(1))).isEqualTo(1);
        assertThat(files.reportedOnOrBefore(CUTOFF)).isZero();
    }
}
