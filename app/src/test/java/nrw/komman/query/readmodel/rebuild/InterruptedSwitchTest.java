package nrw.komman.query.readmodel.rebuild;

import nrw.komman.app.KommAnApplication;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.ReadModels;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static nrw.komman.app.support.Requests.activity;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.ADMIN;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2 commits every DDL statement at once, so a crash can stop a switch halfway: here after one
 * current table was dropped and before its new generation took its name, with the other tables not
 * swapped yet and the tokens not moved. The next start completes the switch before any processor
 * runs, and the platform answers from the new generation with every row.
 */
class InterruptedSwitchTest {

    private static final String GROUP = "centre-views";
    private static final int GENERATION = 7;

    @Test
    void the_next_start_completes_a_switch_that_a_crash_interrupted(@TempDir Path dataDir) {
        Map<String, List<String>> before;
        List<String> tables;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api api = api(first);
            TestAccounts.createAll(api);
            String v = api.post("/api/centres/05315/volunteers", volunteer("Vor dem Absturz", "absturz@example.org"), KOELN).text("volunteerId");
            api.post("/api/volunteers/" + v + "/activities", activity(LocalDate.now(ZoneId.of("Europe/Berlin")), 50, "EDUCATION"), KOELN);
            ReadModels.awaitCaughtUp(api);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            tables = first.getBean(ReadModelRebuilds.class).tablesOf(GROUP);
            before = dump(jdbc, tables);

            // the state a crash leaves mid-switch: a replayed generation with its tokens, the row in SWITCHING ...
            TableGenerations generations = new TableGenerations(jdbc);
            for (String table : tables) {
                generations.createCopy(table, GENERATION);
                jdbc.execute("insert into " + table + "_g" + GENERATION + " select * from " + table);
            }
            String replay = ReadModelRebuilds.replayProcessorName(GROUP, GENERATION);
            jdbc.update("""
                    insert into token_entry (processor_name, segment, token, token_type, claimed_at, owner)
                    select ?, segment, token, token_type, claimed_at, null from token_entry where processor_name = ?""", replay, GROUP);
            OffsetDateTime now = OffsetDateTime.now();
            jdbc.update("""
                    insert into read_model_rebuild (processing_group, generation, state, node, started_at, heartbeat_at, head_at_start)
                    values (?, ?, 'SWITCHING', 'crashed-node', ?, ?, 0)""", GROUP, GENERATION, now, now);
            // ... and the first table dropped but not yet replaced
            jdbc.execute("drop table " + tables.get(0));
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            Api api = api(second);
            assertThat(api.get("/api/centres/05315/volunteers", KOELN).status()).isEqualTo(200);
            ReadModels.awaitCaughtUp(api);
            assertThat(dump(jdbc, tables)).isEqualTo(before);
            for (String table : tables) {
                assertThat(jdbc.queryForObject("select count(*) from information_schema.tables where table_name = ?",
                        Integer.class, table + "_g" + GENERATION)).as("%s_g%d renamed", table, GENERATION).isZero();
            }
            assertThat(jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class,
                    ReadModelRebuilds.replayProcessorName(GROUP, GENERATION))).as("the replay's tokens moved").isZero();
            assertThat(api.get("/api/admin/read-models", ADMIN).json().findValuesAsText("state")).contains("SWITCHED");
        }
    }

    private static Map<String, List<String>> dump(JdbcTemplate jdbc, List<String> tables) {
        Map<String, List<String>> rows = new TreeMap<>();
        for (String table : tables) {
            rows.put(table, jdbc.queryForList("select * from " + table).stream().map(r -> new TreeMap<>(r).toString()).sorted().toList());
        }
        return rows;
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(KommAnApplication.class)
                .run("--komman.data-dir=" + dataDir, "--server.port=0", "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}
