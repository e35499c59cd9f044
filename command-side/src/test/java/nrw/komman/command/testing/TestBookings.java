package nrw.komman.command.testing;

import nrw.komman.command.coordination.JdbcBookingLedger;
import nrw.komman.kernel.coordination.AssignmentId;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.UUID;

/**
 * The real booking ledger on a fresh in-memory database (H2 in PostgreSQL mode, the command side's Flyway
 * migrations), for fixture tests: the request aggregate is tested with the ledger it runs with.
 */
public final class TestBookings {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final JdbcBookingLedger ledger;

    public TestBookings() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:bookings-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/common").load().migrate();
        this.dataSource = h2;
        this.jdbc = new JdbcTemplate(h2);
        this.ledger = new JdbcBookingLedger(jdbc);
    }

    public JdbcBookingLedger ledger() {
        return ledger;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** How many time spans the assignment holds. */
    public int heldOccurrences(AssignmentId assignmentId) {
        return jdbc.queryForObject("select count(*) from booking_occurrence where assignment_id = ?", Integer.class,
                assignmentId.toString());
    }

    /** Whether the ledger knows the assignment as live (asked, offered or confirmed). */
    public boolean live(AssignmentId assignmentId) {
        return jdbc.queryForObject("select count(*) from booking_assignment where assignment_id = ?", Integer.class,
                assignmentId.toString()) > 0;
    }
}
