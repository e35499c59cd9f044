package nrw.komman.app.privacy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nrw.komman.app.KommAnApplication;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.RawTables;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static nrw.komman.app.support.Requests.activity;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16's raw-bytes test (ADR 20). The application runs in its own JVM, on the embedded default (H2 file) and on
 * a PostgreSQL of its own (fsync on); a volunteer is registered with unique markers in name, e-mail, phone,
 * availability, an activity note, a correction (its note and reason), a withdrawal reason and the consent document,
 * and erased (204). The data folder (H2 files, key store, generated secrets, the log; for PostgreSQL also the
 * server's data directory with pg_wal) is copied while the application runs, and again after {@code kill -9}.
 * Each copy is attacked with the current master key ({@link RawBytesAttack}): no marker in any file's raw bytes, no
 * key of the erased volunteer recovered, no payload of theirs opened. A second volunteer, not erased, is the
 * control: the same attack must recover their key and open their payloads, or the attack proves nothing.
 */
class ErasureLeavesNothingTest {

    private static final String TEST_MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="; // application-test.yml

    enum Database { H2, POSTGRESQL }

    @ParameterizedTest
    @EnumSource(Database.class)
    void after_an_acknowledged_erasure_no_copy_of_the_files_gives_anything_back(Database database, @TempDir Path temp) throws Exception {
        Path dataDir = Files.createDirectories(temp.resolve("data"));
        EmbeddedPostgres postgres = null;
        String pgUrl = null;
        Path pgData = null;
        if (database == Database.POSTGRESQL) {
            pgData = temp.resolve("pgdata");
            postgres = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(true)
                    .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on").start();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database komman");
            }
            pgUrl = postgres.getJdbcUrl("postgres", "komman");
        }
        Markers erased = Markers.random();
        Markers control = Markers.random();
        int port = freePort();
        Process app = start(dataDir, port, pgUrl);
        String erasedId;
        String controlId;
        try {
            Api api = new Api(port);
            try {
                await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(250)).until(() -> healthy(port) || !app.isAlive());
                assertThat(app.isAlive()).as("the application started").isTrue();
            } catch (AssertionError | RuntimeException notStarted) {
                List<String> lines = Files.readAllLines(dataDir.resolve("app.log"), StandardCharsets.ISO_8859_1);
                System.out.println(String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size())));
                throw notStarted;
            }
            TestAccounts.createAll(api);
            erasedId = registerWithEverything(api, erased);
            controlId = registerWithEverything(api, control);

            Api.Response erasure = api.post("/api/volunteers/" + erasedId + "/erasure", Map.of("reason", "REQUEST"), KOELN);
            assertThat(erasure.status()).as(erasure.toString()).isEqualTo(204);

            copy(dataDir, temp.resolve("copy-running/data"));
            if (pgData != null) {
                copy(pgData, temp.resolve("copy-running/pgdata"));
            }
            app.destroyForcibly(); // SIGKILL
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            app.destroyForcibly();
        }
        copy(dataDir, temp.resolve("copy-killed/data"));
        if (pgData != null) {
            copy(pgData, temp.resolve("copy-killed/pgdata"));
        }

        Map<String, String> tables = pgUrl == null ? Map.of() : relationNames(pgUrl);
        List<String> markers = erased.all();
        Map<String, RawBytesAttack.Result> results = new LinkedHashMap<>();
        for (String copy : List.of("copy-running", "copy-killed")) {
            Path root = temp.resolve(copy);
            byte[] master = Base64.getDecoder().decode(pgUrl == null ? generatedMasterKey(root.resolve("data")) : TEST_MASTER_KEY);
            List<byte[]> wrappingKeys = new ArrayList<>(RawBytesAttack.epochKeys(root.resolve("data/keys"), master));
            wrappingKeys.add(master); // keys wrapped with the master key itself, as before V33
            RawBytesAttack.Result result = RawBytesAttack.attack(root, wrappingKeys, List.of(erasedId, controlId), markers);
            results.put(copy, result);
            System.out.printf("ErasureLeavesNothingTest (%s, %s): %s%n", database, copy, result);
            for (RawBytesAttack.MarkerHit hit : result.markers) {
                System.out.printf("ErasureLeavesNothingTest (%s, %s): marker %s (%s) in %s%s%n", database, copy, erased.kindOf(hit.marker()),
                        hit.encoding(), hit.file(), relation(hit.file(), tables));
            }
        }
        String log = Files.readString(dataDir.resolve("app.log"), StandardCharsets.ISO_8859_1);
        List<String> inLog = markers.stream().filter(m -> log.toLowerCase().contains(m.toLowerCase())).toList();
        System.out.printf("ErasureLeavesNothingTest (%s): log of %,d characters, %d marker(s) in it%n", database, log.length(), inLog.size());
        if (pgUrl == null) {
            reportTablesOfTheH2Copy(temp.resolve("copy-killed/data"), markers, erased);
        } else {
            reportTablesOfPostgres(pgUrl, markers, erased);
        }
        if (postgres != null) {
            postgres.close();
        }

        for (Map.Entry<String, RawBytesAttack.Result> e : results.entrySet()) {
            RawBytesAttack.Result r = e.getValue();
            assertThat(r.keysRecovered.getOrDefault(controlId, java.util.Set.of()))
                    .as("%s: the attack recovers the key of the volunteer who was not erased (else it proves nothing)", e.getKey())
                    .isNotEmpty();
            assertThat(r.payloadsOpened.get(controlId)).as("%s: payloads of the control opened", e.getKey()).isPositive();
            assertThat(r.keysRecovered.getOrDefault(erasedId, java.util.Set.of())).as("%s: keys of the erased volunteer recovered",
                    e.getKey()).isEmpty();
            assertThat(r.payloadsOpened.get(erasedId)).as("%s: payloads of the erased volunteer opened", e.getKey()).isZero();
        }
        assertThat(inLog).as("markers in the application's log").isEmpty();
        for (Map.Entry<String, RawBytesAttack.Result> e : results.entrySet()) {
            assertThat(e.getValue().markers).as("%s: markers of the erased volunteer in the raw bytes", e.getKey()).isEmpty();
        }
    }

    /** Registers, logs two activities, corrects one (note and reason), withdraws the other (reason). */
    private static String registerWithEverything(Api api, Markers m) {
        Map<String, Object> body = volunteer("Erika " + capitalized(m.name), m.email + "@example.org");
        body.put("phone", "+49 221 " + m.phone);
        body.put("availability", "nur " + m.availability);
        body.put("consent", Map.of("document", "Einwilligung " + m.consentDocument, "version", "2024-01", "givenAt", "2025-01-15T10:00:00Z"));
        Api.Response registered = api.post("/api/centres/05315/volunteers", body, KOELN);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.text("volunteerId");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        Map<String, Object> first = activity(today, 60, "OTHER");
        first.put("note", "Notiz " + m.note);
        Api.Response logged = api.post("/api/volunteers/" + id + "/activities", first, KOELN);
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        String activityId = logged.text("activityId");
        Api.Response second = api.post("/api/volunteers/" + id + "/activities", activity(today, 30, "OTHER"), KOELN);
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        Map<String, Object> correction = new HashMap<>(activity(today, 90, "OTHER"));
        correction.put("note", "Korrigierte Notiz " + m.correctedNote);
        correction.put("reason", "Korrektur " + m.correctionReason);
        Api.Response corrected = api.post("/api/volunteers/" + id + "/activities/" + activityId + "/correction", correction, KOELN);
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(204);
        Api.Response withdrawn = api.post("/api/volunteers/" + id + "/activities/" + second.text("activityId") + "/withdrawal",
                Map.of("reason", "Irrtum " + m.withdrawalReason), KOELN);
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(204);
        return id;
    }

    /** Unique random markers, one per field; letters (digits for the phone) that occur nowhere by chance. */
    record Markers(String name, String email, String phone, String availability, String note, String correctedNote,
                   String correctionReason, String withdrawalReason, String consentDocument) {

        private static final SecureRandom RANDOM = new SecureRandom();

        static Markers random() {
            return new Markers(letters(), letters(), digits(), letters(), letters(), letters(), letters(), letters(), letters());
        }

        List<String> all() {
            return List.of(name, email, phone, availability, note, correctedNote, correctionReason, withdrawalReason, consentDocument);
        }

        String kindOf(String marker) {
            String[] kinds = {"name", "email", "phone", "availability", "note", "correctedNote", "correctionReason",
                    "withdrawalReason", "consentDocument"};
            List<String> all = all();
            return kinds[all.indexOf(marker)];
        }

        private static String letters() {
            StringBuilder s = new StringBuilder("qx");
            for (int i = 0; i < 12; i++) {
                s.append((char) ('a' + RANDOM.nextInt(26)));
            }
            return s.toString();
        }

        private static String digits() {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 9; i++) {
                s.append((char) ('0' + RANDOM.nextInt(10)));
            }
            return s.toString();
        }
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String generatedMasterKey(Path data) throws IOException {
        Properties secrets = new Properties();
        try (InputStream in = Files.newInputStream(data.resolve("secrets.properties"))) {
            secrets.load(in);
        }
        return secrets.getProperty("komman.personal-data.master-key");
    }

    /** Copies a folder file by file while its owner may be writing (files that vanish meanwhile are skipped). */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (NoSuchFileException vanished) {
                    // a temporary file that was renamed or deleted while we copied
                }
            }
        }
    }

    /** PostgreSQL's file names (relfilenodes) and the relations they belong to, to say where a marker was found. */
    private static Map<String, String> relationNames(String url) throws Exception {
        Map<String, String> names = new HashMap<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_relation_filenode(oid), relname from pg_class where pg_relation_filenode(oid) is not null")) {
            while (rs.next()) {
                names.put(rs.getString(1), rs.getString(2));
            }
        }
        return names;
    }

    private static String relation(String file, Map<String, String> tables) {
        String name = Path.of(file).getFileName().toString().replaceAll("[._].*$", "");
        return tables.containsKey(name) && file.contains("base") ? " (" + tables.get(name) + ")" : "";
    }

    private static void reportTablesOfTheH2Copy(Path data, List<String> markers, Markers erased) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("komman")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "")) {
            report("H2 copy after kill -9", new JdbcTemplate(new SingleConnectionDataSource(c, true)), markers, erased);
        }
    }

    private static void reportTablesOfPostgres(String url, List<String> markers, Markers erased) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            report("PostgreSQL", new JdbcTemplate(new SingleConnectionDataSource(c, true)), markers, erased);
        }
    }

    /** Where SQL still sees the markers (live rows), to tell the read models from the events. */
    private static void report(String where, JdbcTemplate jdbc, List<String> markers, Markers erased) {
        RawTables.Scan scan = RawTables.scan(jdbc, markers);
        for (RawTables.Hit hit : scan.hits()) {
            System.out.printf("ErasureLeavesNothingTest (%s): live rows: marker %s in %s.%s%n", where, erased.kindOf(hit.needle()),
                    hit.table(), hit.column());
        }
        System.out.printf("ErasureLeavesNothingTest (%s): live rows: %d marker hit(s) in %d tables%n", where, scan.hits().size(),
                scan.tables().size());
    }

    private static Process start(Path dataDir, int port, String pgUrl) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                KommAnApplication.class.getName(), "--komman.data-dir=" + dataDir, "--server.port=" + port,
                "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD, "--logging.level.root=INFO"));
        if (pgUrl != null) {
            command.addAll(List.of("--spring.profiles.active=postgres,test", "--spring.datasource.url=" + pgUrl,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                    "--komman.personal-data.key-store=" + dataDir.resolve("keys")));
        }
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("app.log").toFile()))
                .start();
    }

    private static boolean healthy(int port) {
        try {
            return new Api(port).get("/actuator/health", null).status() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
