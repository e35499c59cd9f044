package nrw.komman.app.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import nrw.komman.app.KommAnApplication;
import nrw.komman.app.notification.Mailbox;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.EmbeddedPostgresServer;
import nrw.komman.app.support.ReadModels;
import nrw.komman.app.support.TestAccounts;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.LogActivityCommand;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.budget.BudgetId;
import nrw.komman.kernel.budget.SetBudgetCommand;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.coordination.AskVolunteerCommand;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.Availability;
import nrw.komman.kernel.coordination.ConfirmAssignmentCommand;
import nrw.komman.kernel.coordination.DayPart;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.OpenHelpRequestCommand;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.coordination.UpdateAvailabilityCommand;
import nrw.komman.kernel.grant.ApplyForGrantCommand;
import nrw.komman.kernel.grant.ApproveGrantCommand;
import nrw.komman.kernel.grant.CloseGrantCommand;
import nrw.komman.kernel.grant.DisburseTrancheCommand;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.kernel.grant.RecordRepaymentCommand;
import nrw.komman.kernel.grant.RequestFundsCommand;
import nrw.komman.kernel.grant.ReviewGrantCommand;
import nrw.komman.kernel.grant.SubmitUsageReportCommand;
import nrw.komman.kernel.volunteer.ConsentRecord;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.RegisterVolunteerCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static nrw.komman.app.support.Requests.activity;

/**
 * The platform benchmark (issue 5), first part: generates a deterministic history through the platform's own
 * commands (volunteers, activities over three years and every category, grants with their whole life) and measures, on the embedded default (H2) and on a durable PostgreSQL (fsync and synchronous_commit
 * on), each figure as median and min–max of several runs:
 * <ul>
 *   <li>"log an activity" through the HTTP API with authentication from 1 and 8 clients, and the same command
 *       through the command gateway in-process from 1 and 8 threads;</li>
 *   <li>a naive Axon aggregate (one event per command, no cache, no snapshots) through the same gateway;</li>
 *   <li>raw JDBC single-row INSERT transactions and a raw sequential read of the event table;</li>
 *   <li>read-your-writes latency (command accepted to visible in the activity log), p50 and p99;</li>
 *   <li>full rebuild of the read models and the annual report replay, events per second;</li>
 *   <li>query latency p50 and p99 of six views (the centre dashboard, the roster and activity log pages, the ministry
 *       overview, one volunteer, one grant history); startup time and peak heap;</li>
 *   <li>coordination (issue 18): matching volunteers for a request in Köln (about 926 volunteers in the full mode), the
 *       centre's board, one request and the volunteer's own page, p50 and p99; booking under contention: 8 clients
 *       (coordinators of Köln) asking the same volunteers for overlapping requests, over HTTP and through the gateway,
 *       beside a naive Axon calendar aggregate per volunteer under the same contention, with the double bookings counted
 *       (there must be none).</li>
 *   <li>notices (issue 19): while 8 clients log activities, a coordinator applies for grants at a steady pace; the delay
 *       from each application's answer to the grant authority's inbox row and to the e-mail's receipt by an in-process
 *       SMTP server (GreenMail), p50, p99 and max, with the e-mails sent, received and received twice (by Message-ID).</li>
 * </ul>
 * Prints a table and writes {@code target/benchmark/results.json}. Not part of the test run: started by the
 * {@code benchmark} profile (README). It asserts nothing: speed is measured, never asserted.
 */
class PlatformBenchmark {

    private static final ZoneId NRW = ZoneId.of("Europe/Berlin");
    /** The 54 centres of the reference data, by key: the history spreads over all of them, as the programme's does. */
    private static final List<String> CENTRES = referenceCentres();
    /** How many HTTP clients at most: each is a coordinator of a centre of its own (eight of them working at once). */
    private static final int HTTP_CLIENTS = 8;
    private static final String CLIENT_PASSWORD = "Benchmark-Passwort-2026";
    private static final ConsentRecord CONSENT = new ConsentRecord("Einwilligung Datenverarbeitung", "2024-01",
            Instant.parse("2024-01-02T10:00:00Z"));

    /** How much to generate and how often to measure. */
    record Mode(String name, int volunteers, int activities, int grants, int runs, int opsPerRun, int samples) {
    }

    private static final Mode QUICK = new Mode("quick", 300, 6_000, 54, 3, 300, 200);
    private static final Mode FULL = new Mode("full", 50_000, 1_000_000, 540, 5, 2_000, 1_000);
    private static final MetaData MINISTRY = MetaData.from(Actor.of("benchmark.ministerium", AccountRole.MINISTRY).toMetaData());
    private static final MetaData OFFICER = MetaData.from(Actor.of("benchmark.bezirksregierung", AccountRole.GRANT_OFFICER).toMetaData());
    private final List<GrantId> grants = new ArrayList<>();

    private final Mode mode = "full".equals(System.getProperty("benchmark.mode")) ? FULL : QUICK;
    private final Map<String, Object> results = new LinkedHashMap<>();

    @Test
    void measure() throws Exception {
        results.put("mode", mode.name());
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024), "java", System.getProperty("java.version"),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.arch")));
        results.put("startedAt", Instant.now().toString());
        String databases = System.getProperty("benchmark.databases", "");
        if (databases.isBlank() || databases.contains("h2")) {
            Path h2 = Files.createTempDirectory("komman-benchmark-h2-");
            results.put("h2", run("--komman.data-dir=" + h2));
        }
        if (databases.isBlank() || databases.contains("postgres")) {
            String url = EmbeddedPostgresServer.newDatabaseUrl();
            results.put("postgres", run("--spring.profiles.active=postgres,test", "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres"));
        }
        results.put("peakHeapMb", peakHeapMb());
        write();
    }

    private Map<String, Object> run(String... settings) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD,
                "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        args.addAll(List.of(settings));
        if (!String.join(" ", settings).contains("test")) {
            args.add("--spring.profiles.active=test");
        }
        // e-mail on, to a real SMTP server in this JVM (only the notice figure's account has an address)
        Mailbox mailbox = new Mailbox();
        mailbox.start();
        args.addAll(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mailbox.port()));
        // the notice delivery's cadence as shipped (5 s), or another to see what the delivery costs beyond its interval:
        // -Dbenchmark.jvmArgs=-Dbenchmark.noticeEvery=500ms
        String noticeEvery = System.getProperty("benchmark.noticeEvery", "");
        if (!noticeEvery.isBlank()) {
            args.addAll(List.of("--komman.notices.every=" + noticeEvery, "--db-scheduler.polling-interval=" + noticeEvery));
        }
        System.setProperty("axoniq.update-checker.disabled", "true");
        long start = System.nanoTime();
        try (AutoCloseable smtp = mailbox::stop; ConfigurableApplicationContext app = new SpringApplicationBuilder(KommAnApplication.class, NaiveAxonBaseline.class)
                .run(args.toArray(String[]::new))) {
            figures.put("startupMs", (System.nanoTime() - start) / 1_000_000);
            Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            TestAccounts.createAll(api);
            for (String centre : CENTRES.subList(0, HTTP_CLIENTS)) {
                TestAccounts.createCoordinator(api, clientLogin(centre), centre);
            }
            CommandGateway gateway = app.getBean(CommandGateway.class);
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);

            List<Volunteer> volunteers = generate(gateway, figures);
            ReadModels.awaitCaughtUp(api, java.time.Duration.ofHours(1));

            measure(figures, "logActivityHttp1", () -> throughput(() -> httpLogs(api, volunteers, 1)));
            measure(figures, "logActivityHttp8", () -> throughput(() -> httpLogs(api, volunteers, 8)));
            measure(figures, "logActivityGateway1", () -> throughput(() -> gatewayLogs(gateway, volunteers, 1)));
            measure(figures, "logActivityGateway8", () -> throughput(() -> gatewayLogs(gateway, volunteers, 8)));
            // as many events per counter as a volunteer has; at most 2,000 counters, or the full mode would spend
            // another half hour creating a million events that the baseline's figure does not depend on
            List<String> counters = counters(gateway, Math.min(volunteers.size(), 2_000), mode.activities() / volunteers.size());
            measure(figures, "naiveAxon1", () -> throughput(() -> naive(gateway, counters, 1)));
            measure(figures, "naiveAxon8", () -> throughput(() -> naive(gateway, counters, 8)));
            jdbc.execute("create table if not exists benchmark_insert (id varchar(36) primary key, payload varchar(200))");
            measure(figures, "rawInsert1", () -> throughput(() -> rawInserts(jdbc, 1)));
            measure(figures, "rawInsert8", () -> throughput(() -> rawInserts(jdbc, 8)));
            TransactionTemplate readOnly = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
            readOnly.setReadOnly(true);
            measure(figures, "rawSequentialRead", () -> throughput(() -> readOnly.execute(status -> rawRead(jdbc))));
            ReadModels.awaitCaughtUp(api, java.time.Duration.ofHours(1));
            measure(figures, "readYourWritesMs", () -> readYourWrites(gateway, jdbc, volunteers));
            measure(figures, "queryMs", () -> queries(api, volunteers));
            Coordination coordination = new Coordination(api, gateway, volunteers);
            measure(figures, "coordinationQueryMs", coordination::queries);
            measure(figures, "bookingHttp8", () -> coordination.booking(Booker.HTTP));
            measure(figures, "bookingGateway8", () -> coordination.booking(Booker.GATEWAY));
            measure(figures, "naiveBooking8", () -> coordination.booking(Booker.NAIVE));
            measure(figures, "noticeDelay", () -> noticeDelay(api, jdbc, mailbox, volunteers, app.getEnvironment()));
            measure(figures, "reportReplay", () -> throughput(() -> reportReplay(api)));
            measure(figures, "rebuild", () -> throughput(() -> rebuild(api, jdbc)));
            if (mode == QUICK && String.join(" ", settings).contains("postgres")) {
                // issue 6's size (1,000,000 activities) for the report replay only: copied in SQL, last of all
                // the read models need not follow the copies (that would take its own hour and compete for the machine)
                app.getBean(org.axonframework.config.EventProcessingConfiguration.class).eventProcessors().values()
                        .forEach(org.axonframework.eventhandling.EventProcessor::shutDown);
                measure(figures, "reportAtScale", () -> reportAtScale(api, jdbc, 1_000_000));
                // the rebuild target is for the full data set: replay those million events into new read models
                measure(figures, "rebuildAtScale", () -> rebuildAtScale(api, jdbc, 1_000_000));
            }
            figures.put("events", jdbc.queryForObject("select count(*) from domain_event_entry", Long.class));
            ratios(figures);
        }
        return figures;
    }

    /** Measures a figure unless {@code -Dbenchmark.only} names others (to study one lever at a time). */
    private static void measure(Map<String, Object> figures, String name, Callable<Object> figure) throws Exception {
        String only = System.getProperty("benchmark.only", "");
        if (only.isBlank() || List.of(only.split(",")).contains(name)) {
            System.out.printf("%s measuring %s (heap in use: %d MB)%n", Instant.now(), name,
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
            figures.put(name, figure.call());
        }
    }

    // ---- the history ---------------------------------------------------------------------------------------------

    record Volunteer(VolunteerId id, String centre) {
    }

    /** Volunteers registered three years ago in the 54 centres, activities spread over three years and every category. */
    private List<Volunteer> generate(CommandGateway gateway, Map<String, Object> figures) throws Exception {
        Random random = new Random(2026);
        LocalDate today = LocalDate.now(NRW);
        LocalDate registered = today.minusYears(3);
        List<Volunteer> volunteers = new ArrayList<>();
        for (int i = 0; i < mode.volunteers(); i++) {
            volunteers.add(new Volunteer(new VolunteerId(new UUID(2026L, i)), CENTRES.get(i % CENTRES.size())));
        }
        long start = System.nanoTime();
        parallel(8, volunteers.size(), i -> {
            Volunteer v = volunteers.get(i);
            gateway.sendAndWait(new RegisterVolunteerCommand(v.id(), new CentreId(v.centre()),
                    new PersonalData("Person " + i, "person" + i + "@example.org", null, null,
                            Set.of("de", LANGUAGES.get(i % LANGUAGES.size())), Set.of(ActivityCategory.values()[i % ActivityCategory.values().length])),
                    CONSENT, registered), coordinator(v.centre()));
        });
        long[] seeds = random.longs(mode.activities()).toArray();
        ActivityCategory[] categories = ActivityCategory.values();
        parallel(8, mode.activities(), i -> {
            Random r = new Random(seeds[i]);
            Volunteer v = volunteers.get(i % volunteers.size());
            LocalDate date = today.minusDays(r.nextInt(3 * 365));
            gateway.sendAndWait(new LogActivityCommand(v.id(), new ActivityId(new UUID(7L, i)), date, 30 + r.nextInt(180),
                    categories[r.nextInt(categories.length)], null, null), coordinator(v.centre()));
        });
        int year = today.getYear();
        gateway.sendAndWait(new SetBudgetCommand(BudgetId.of(year, ProgrammePart.PART_II_A), Money.parse("500000000.00"),
                "Haushaltsplan"), MINISTRY);
        for (int g = 0; g < mode.grants(); g++) {
            grants.add(new GrantId(new UUID(11L, g)));
        }
        parallel(8, mode.grants(), g -> lifecycle(gateway, grants.get(g), CENTRES.get(g % CENTRES.size()), year, today));
        double seconds = (System.nanoTime() - start) / 1e9;
        long commands = volunteers.size() + mode.activities() + 1 + 9L * mode.grants();
        figures.put("generated", Map.of("volunteers", volunteers.size(), "activities", mode.activities(), "grants", mode.grants(),
                "commandsPerSecond", Math.round(commands / seconds)));
        return volunteers;
    }

    /** A grant's whole life: applied, reviewed, approved, funds drawn and paid, usage reported, closed, repaid. */
    private static void lifecycle(CommandGateway gateway, GrantId grant, String centre, int year, LocalDate today) {
        MetaData coordinator = coordinator(centre);
        gateway.sendAndWait(new ApplyForGrantCommand(grant, new CentreId(centre), year, ProgrammePart.PART_II_A,
                "Ankommenstreffpunkt", "Wöchentliches Begegnungscafé", Money.parse("25000.00")), coordinator);
        gateway.sendAndWait(new ReviewGrantCommand(grant, Recommendation.APPROVE, "förderfähig"), OFFICER);
        gateway.sendAndWait(new ApproveGrantCommand(grant, Money.parse("20000.00"), "Sachkosten gekürzt"), MINISTRY);
        gateway.sendAndWait(new RequestFundsCommand(grant, Money.parse("12000.00"), "Honorare"), coordinator);
        gateway.sendAndWait(new DisburseTrancheCommand(grant, Money.parse("12000.00"), today), OFFICER);
        gateway.sendAndWait(new SubmitUsageReportCommand(grant, Money.parse("11000.00"), "Café an 48 Terminen", 23), coordinator);
        gateway.sendAndWait(new CloseGrantCommand(grant, "Minderausgaben"), OFFICER);
        gateway.sendAndWait(new RecordRepaymentCommand(grant, Money.parse("600.00"), today), OFFICER);
        gateway.sendAndWait(new RecordRepaymentCommand(grant, Money.parse("400.00"), today), OFFICER);
    }

    private static MetaData coordinator(String centre) {
        return MetaData.from(Actor.coordinator("benchmark." + centre, new CentreId(centre)).toMetaData());
    }

    // ---- the measurements ----------------------------------------------------------------------------------------

    /** One run: how many operations in how many nanoseconds. */
    record Run(long operations, long nanos) {
        double perSecond() {
            return operations * 1e9 / nanos;
        }
    }

    /** Median and min–max of the runs, per second. */
    private Map<String, Object> throughput(Callable<Run> measurement) throws Exception {
        List<Double> perSecond = new ArrayList<>();
        for (int i = 0; i < mode.runs(); i++) {
            perSecond.add(measurement.call().perSecond());
        }
        Collections.sort(perSecond);
        return Map.of("median", Math.round(perSecond.get(perSecond.size() / 2)), "min", Math.round(perSecond.get(0)),
                "max", Math.round(perSecond.get(perSecond.size() - 1)));
    }

    private final AtomicLong activitySequence = new AtomicLong(1_000_000_000L);

    private static Api.Login clientLogin(String centre) {
        return new Api.Login("benchmark.koordination." + centre, CLIENT_PASSWORD);
    }

    /**
     * {@code clients} coordinators at once, each of a centre of their own, logging activities of their
     * centre's volunteers through the API (signed in, the write shown by the read models before the answer).
     */
    private Run httpLogs(Api api, List<Volunteer> volunteers, int clients) throws Exception {
        LocalDate today = LocalDate.now(NRW);
        List<String> centres = CENTRES.subList(0, clients);
        Map<String, List<Volunteer>> byCentre = new HashMap<>();
        volunteers.stream().filter(v -> centres.contains(v.centre()))
                .forEach(v -> byCentre.computeIfAbsent(v.centre(), c -> new ArrayList<>()).add(v));
        java.util.concurrent.atomic.AtomicInteger clientsStarted = new java.util.concurrent.atomic.AtomicInteger();
        ThreadLocal<String> clientCentre = ThreadLocal.withInitial(() -> centres.get(clientsStarted.getAndIncrement() % clients));
        long start = System.nanoTime();
        parallel(clients, mode.opsPerRun(), i -> {
            String centre = clientCentre.get();
            List<Volunteer> own = byCentre.get(centre);
            Volunteer v = own.get((int) (activitySequence.incrementAndGet() % own.size()));
            Api.Response r = api.post("/api/volunteers/" + v.id() + "/activities", activity(today, 45, "OTHER"), clientLogin(centre));
            if (r.status() != 201) {
                throw new IllegalStateException("log an activity: " + r);
            }
        });
        return new Run(mode.opsPerRun(), System.nanoTime() - start);
    }

    private Run gatewayLogs(CommandGateway gateway, List<Volunteer> volunteers, int threads) throws Exception {
        LocalDate today = LocalDate.now(NRW);
        long start = System.nanoTime();
        parallel(threads, mode.opsPerRun(), i -> {
            Volunteer v = volunteers.get((int) (activitySequence.incrementAndGet() % volunteers.size()));
            gateway.sendAndWait(new LogActivityCommand(v.id(), ActivityId.random(), today, 45, ActivityCategory.OTHER, null, null),
                    coordinator(v.centre()));
        });
        return new Run(mode.opsPerRun(), System.nanoTime() - start);
    }

    /** {@code count} counters, each with {@code events} events (as many as a volunteer has on average). */
    private List<String> counters(CommandGateway gateway, int count, int events) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add("counter-" + UUID.randomUUID());
        }
        int eventsEach = Math.max(1, events);
        parallel(8, count, i -> {
            gateway.sendAndWait(new NaiveAxonBaseline.CreateCounter(ids.get(i)));
            for (int e = 1; e < eventsEach; e++) {
                gateway.sendAndWait(new NaiveAxonBaseline.Increment(ids.get(i), 1));
            }
        });
        return ids;
    }

    private Run naive(CommandGateway gateway, List<String> counters, int threads) throws Exception {
        long start = System.nanoTime();
        parallel(threads, mode.opsPerRun(), i ->
                gateway.sendAndWait(new NaiveAxonBaseline.Increment(counters.get((int) (activitySequence.incrementAndGet() % counters.size())), 1)));
        return new Run(mode.opsPerRun(), System.nanoTime() - start);
    }

    private Run rawInserts(JdbcTemplate jdbc, int threads) throws Exception {
        long start = System.nanoTime();
        parallel(threads, mode.opsPerRun() * 2, i ->
                jdbc.update("insert into benchmark_insert (id, payload) values (?, ?)", UUID.randomUUID().toString(), "x".repeat(120)));
        return new Run(mode.opsPerRun() * 2L, System.nanoTime() - start);
    }

    /**
     * Reads the whole event table in order. Run in a transaction: PostgreSQL's driver honours the fetch size
     * only with auto-commit off, and would otherwise hold all rows in memory at once (a million events are
     * more than the 512 MB heap: the full mode's first out-of-memory).
     */
    private Run rawRead(JdbcTemplate jdbc) {
        AtomicLong rows = new AtomicLong();
        long start = System.nanoTime();
        jdbc.query(con -> {
            var statement = con.prepareStatement("select global_index, payload_type, payload, meta_data from domain_event_entry order by global_index");
            statement.setFetchSize(1_000);
            return statement;
        }, rs -> {
            rs.getBytes(3);
            rows.incrementAndGet();
        });
        return new Run(rows.get(), System.nanoTime() - start);
    }

    /** Command accepted by the gateway until the activity shows in the centre's activity log. */
    private Map<String, Object> readYourWrites(CommandGateway gateway, JdbcTemplate jdbc, List<Volunteer> volunteers) {
        List<Long> micros = new ArrayList<>();
        LocalDate today = LocalDate.now(NRW);
        for (int i = 0; i < mode.samples(); i++) {
            Volunteer v = volunteers.get(i % volunteers.size());
            ActivityId id = ActivityId.random();
            long start = System.nanoTime();
            gateway.sendAndWait(new LogActivityCommand(v.id(), id, today, 15, ActivityCategory.OTHER, null, null), coordinator(v.centre()));
            while (jdbc.queryForObject("select count(*) from activity_view where activity_id = ?", Integer.class, id.toString()) == 0) {
                Thread.onSpinWait();
            }
            micros.add((System.nanoTime() - start) / 1_000);
        }
        return percentiles(micros);
    }

    private Map<String, Object> queries(Api api, List<Volunteer> volunteers) throws Exception {
        int year = LocalDate.now(NRW).getYear();
        Map<String, Object> views = new LinkedHashMap<>();
        views.put("centreDashboard", latency(() -> api.get("/api/centres/05315/dashboard", TestAccounts.KOELN)));
        views.put("centreVolunteers", latency(() -> api.get("/api/centres/05315/volunteers?size=50", TestAccounts.KOELN)));
        views.put("activityLogPage", latency(() -> api.get("/api/centres/05315/activities?page=3&size=50", TestAccounts.KOELN)));
        views.put("ministryOverview", latency(() -> api.get("/api/ministry/overview?fundingYear=" + year, TestAccounts.MINISTRY)));
        Volunteer inKoeln = volunteers.stream().filter(v -> v.centre().equals(TestAccounts.KOELN_CENTRE)).findFirst().orElseThrow();
        views.put("volunteer", latency(() -> api.get("/api/volunteers/" + inKoeln.id(), TestAccounts.KOELN)));
        views.put("grantHistory", latency(() -> api.get("/api/grants/" + grants.get(0) + "/history", TestAccounts.AUDITOR)));
        return views;
    }

    private Map<String, Object> latency(Callable<Api.Response> request) throws Exception {
        for (int i = 0; i < 20; i++) {
            request.call(); // warm up
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < mode.samples(); i++) {
            long start = System.nanoTime();
            Api.Response r = request.call();
            micros.add((System.nanoTime() - start) / 1_000);
            if (r.status() != 200) {
                throw new IllegalStateException("query: " + r);
            }
        }
        return percentiles(micros);
    }

    // ---- coordination (issue 18) -----------------------------------------------------------------------------------

    /** Köln, where the coordination figures are measured: about 926 volunteers in the full mode. */
    private static final String KOELN = TestAccounts.KOELN_CENTRE;
    /** The languages requests ask for, round robin; the volunteers speak German and one of them. */
    private static final List<String> LANGUAGES = List.of("prs", "ar", "uk", "fa", "tr", "ru", "ti", "so", "kmr", "en", "ps", "fr");
    /** How many volunteers of Köln each booking run contends for, and how many clients contend. */
    private static final int CONTENDED_VOLUNTEERS = 10;
    private static final int BOOKING_CLIENTS = 8;

    enum Booker { HTTP, GATEWAY, NAIVE }

    /**
     * Coordination's data in Köln (availability for every volunteer of the centre, requests on the board, some asked
     * and confirmed, a volunteer with a personal link) is seeded on first use, so that {@code -Dbenchmark.only} can
     * measure one figure alone.
     */
    private final class Coordination {
        private final Api api;
        private final CommandGateway gateway;
        private final List<Volunteer> koeln;
        private final List<HelpRequestId> requests = new ArrayList<>();
        private final AtomicLong nextVolunteer = new AtomicLong();
        private final AtomicLong round = new AtomicLong();
        private String token;

        Coordination(Api api, CommandGateway gateway, List<Volunteer> volunteers) {
            this.api = api;
            this.gateway = gateway;
            this.koeln = volunteers.stream().filter(v -> v.centre().equals(KOELN)).toList();
        }

        private void seed() throws Exception {
            if (token != null) {
                return;
            }
            LocalDate today = LocalDate.now(NRW);
            DayOfWeek[] days = DayOfWeek.values();
            DayPart[] parts = DayPart.values();
            MetaData coordinator = coordinator(KOELN);
            parallel(8, koeln.size(), i -> gateway.sendAndWait(new UpdateAvailabilityCommand(koeln.get(i).id(), new Availability(
                    Set.of(new Availability.Slot(days[i % 7], parts[i % 3]), new Availability.Slot(days[(i + 2) % 7], parts[(i + 1) % 3])),
                    i % 10 == 0 ? List.of(new Availability.Absence(today.plusDays(i % 30), today.plusDays(i % 30 + 6))) : List.of())),
                    coordinator));
            // a board as a busy centre has it: requests over the next two months, some asked, some confirmed
            int count = mode == FULL ? 200 : 40;
            ActivityCategory[] categories = ActivityCategory.values();
            for (int i = 0; i < count; i++) {
                HelpRequestId request = new HelpRequestId(new UUID(18L, i));
                LocalDate day = today.plusDays(1 + i % 60);
                LocalTime start = LocalTime.of(8 + i % 9, 0);
                gateway.sendAndWait(new OpenHelpRequestCommand(request, new CentreId(KOELN), categories[i % categories.length],
                        Set.of(LANGUAGES.get(i % LANGUAGES.size())), Schedule.once(day, start, start.plusHours(2)), 90, "Köln",
                        "Ort " + i, 1 + i % 3, "Anfrage " + i, null, null, null), coordinator);
                requests.add(request);
            }
            parallel(4, count, i -> {
                for (int k = 0; k < 2; k++) {
                    AssignmentId assignment = AssignmentId.random();
                    try {
                        gateway.sendAndWait(new AskVolunteerCommand(requests.get(i), assignment,
                                koeln.get((i * 7 + k * 3) % koeln.size()).id()), coordinator);
                        if (k == 0 && i % 2 == 0) {
                            gateway.sendAndWait(new ConfirmAssignmentCommand(requests.get(i), assignment), coordinator);
                        }
                    } catch (RuntimeException refused) {
                        // booked at that time already: the seed takes what the rules allow
                    }
                }
            });
            ReadModels.awaitCaughtUp(api, java.time.Duration.ofHours(1));
            Api.Response link = api.post("/api/volunteers/" + koeln.get(0).id() + "/link", Map.of(), TestAccounts.KOELN);
            if (link.status() != 201) {
                throw new IllegalStateException("personal link: " + link);
            }
            token = link.text("token");
            for (int i = 0; i < BOOKING_CLIENTS; i++) {
                TestAccounts.createCoordinator(api, bookingLogin(i), KOELN);
            }
        }

        /** Matching (the request's languages round robin), the board, one request, the volunteer's own page. */
        Map<String, Object> queries() throws Exception {
            seed();
            Map<String, Object> views = new LinkedHashMap<>();
            AtomicLong next = new AtomicLong();
            views.put("matching", latency(() -> api.get("/api/help-requests/" + requests.get((int) (next.incrementAndGet()
                    % requests.size())) + "/matches?limit=20", TestAccounts.KOELN)));
            views.put("board", latency(() -> api.get("/api/centres/" + KOELN + "/help-requests", TestAccounts.KOELN)));
            views.put("request", latency(() -> api.get("/api/help-requests/" + requests.get(0), TestAccounts.KOELN)));
            views.put("ownPage", latency(() -> api.get("/api/link/" + token, null)));
            views.put("volunteerCount", koeln.size());
            return views;
        }

        /**
         * {@link #BOOKING_CLIENTS} clients at once asking {@link #CONTENDED_VOLUNTEERS} fresh volunteers of Köln for
         * requests that overlap in pairs (9–11 and 10–12 on the same day), each client picking a request and a volunteer
         * at random: most asks are refused (booked, or asked already). Throughput counts every answer; the accepted
         * asks are then checked for two overlapping bookings of one volunteer.
         */
        Map<String, Object> booking(Booker booker) throws Exception {
            if (booker != Booker.NAIVE) {
                seed(); // the clients' accounts; the naive calendars need nothing of the platform
            }
            List<Double> perSecond = new ArrayList<>();
            long accepted = 0;
            long refused = 0;
            long doubleBookings = 0;
            Map<String, Long> other = new java.util.TreeMap<>();
            for (int run = 0; run < mode.runs(); run++) {
                long r = round.incrementAndGet();
                LocalDate first = LocalDate.now(NRW).plusDays(70);
                int days = Math.max(10, mode.opsPerRun() / 20);
                List<Schedule> slots = new ArrayList<>();
                for (int d = 0; d < days; d++) {
                    slots.add(Schedule.once(first.plusDays(d), LocalTime.of(9, 0), LocalTime.of(11, 0)));
                    slots.add(Schedule.once(first.plusDays(d), LocalTime.of(10, 0), LocalTime.of(12, 0)));
                }
                List<String> contenders = contenders(booker, r);
                List<String> targets = targets(booker, r, slots);
                List<String[]> bookings = java.util.Collections.synchronizedList(new ArrayList<>());
                java.util.concurrent.atomic.AtomicLong no = new java.util.concurrent.atomic.AtomicLong();
                Map<String, Long> failures = new java.util.concurrent.ConcurrentHashMap<>();
                java.util.concurrent.atomic.AtomicInteger clients = new java.util.concurrent.atomic.AtomicInteger();
                ThreadLocal<Integer> client = ThreadLocal.withInitial(clients::getAndIncrement);
                long[] seeds = new Random(r).longs(mode.opsPerRun()).toArray();
                long start = System.nanoTime();
                parallel(BOOKING_CLIENTS, mode.opsPerRun(), i -> {
                    Random pick = new Random(seeds[i]);
                    int slot = pick.nextInt(slots.size());
                    String volunteer = contenders.get(pick.nextInt(contenders.size()));
                    String outcome = book(booker, client.get(), targets.get(slot), slots.get(slot), volunteer);
                    if (outcome == null) {
                        bookings.add(new String[]{volunteer, String.valueOf(slot)});
                    } else if (outcome.equals("refused")) {
                        no.incrementAndGet();
                    } else {
                        failures.merge(outcome, 1L, Long::sum);
                    }
                });
                perSecond.add(mode.opsPerRun() * 1e9 / (System.nanoTime() - start));
                accepted += bookings.size();
                refused += no.get();
                failures.forEach((k, v) -> other.merge(k, v, Long::sum));
                doubleBookings += doubleBookings(bookings, slots);
            }
            Collections.sort(perSecond);
            Map<String, Object> figure = new LinkedHashMap<>();
            figure.put("median", Math.round(perSecond.get(perSecond.size() / 2)));
            figure.put("min", Math.round(perSecond.get(0)));
            figure.put("max", Math.round(perSecond.get(perSecond.size() - 1)));
            figure.put("accepted", accepted);
            figure.put("refused", refused);
            figure.put("otherAnswers", other);
            figure.put("doubleBookings", doubleBookings);
            if (doubleBookings > 0) {
                System.out.printf("DOUBLE BOOKINGS (%s): %d, the booking check is broken%n", booker, doubleBookings);
            }
            return figure;
        }

        /** Fresh volunteers of Köln for one run: registered now, not measured (the naive calendars are opened for them). */
        private List<String> contenders(Booker booker, long run) throws Exception {
            List<String> ids = new ArrayList<>();
            LocalDate registered = LocalDate.now(NRW).minusYears(1);
            for (int i = 0; i < CONTENDED_VOLUNTEERS; i++) {
                long n = nextVolunteer.incrementAndGet();
                if (booker == Booker.NAIVE) {
                    String calendar = "calendar-" + run + "-" + n + "-" + UUID.randomUUID();
                    gateway.sendAndWait(new NaiveAxonBaseline.OpenCalendar(calendar));
                    ids.add(calendar);
                } else {
                    VolunteerId id = new VolunteerId(new UUID(1818L, n));
                    gateway.sendAndWait(new RegisterVolunteerCommand(id, new CentreId(KOELN), new PersonalData("Einsatz " + n,
                            "einsatz" + n + "@example.org", null, null, Set.of("de", "prs"), Set.of(ActivityCategory.ACCOMPANIMENT)),
                            CONSENT, registered), coordinator(KOELN));
                    ids.add(id.toString());
                }
            }
            if (booker != Booker.NAIVE) {
                ReadModels.awaitCaughtUp(api, java.time.Duration.ofMinutes(10));
            }
            return ids;
        }

        /** The requests of one run, one per slot (volunteers needed: the most, so that asking never staffs them). */
        private List<String> targets(Booker booker, long run, List<Schedule> slots) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < slots.size(); i++) {
                if (booker == Booker.NAIVE) {
                    ids.add(null); // the naive calendar books the slot itself
                    continue;
                }
                HelpRequestId request = HelpRequestId.random();
                gateway.sendAndWait(new OpenHelpRequestCommand(request, new CentreId(KOELN), ActivityCategory.ACCOMPANIMENT,
                        Set.of("prs"), slots.get(i), 90, "Köln", null, nrw.komman.kernel.coordination.CoordinationRules.MAX_VOLUNTEERS,
                        "Lauf " + run, null, null, null), coordinator(KOELN));
                ids.add(request.toString());
            }
            if (booker != Booker.NAIVE) {
                ReadModels.awaitCaughtUp(api, java.time.Duration.ofMinutes(10));
            }
            return ids;
        }

        /** One ask: null when accepted, "refused" for a 409 (or the naive calendar's refusal), else what came back. */
        private String book(Booker booker, int client, String request, Schedule slot, String volunteer) {
            switch (booker) {
                case HTTP -> {
                    Api.Response r = api.post("/api/help-requests/" + request + "/assignments", Map.of("volunteerId", volunteer),
                            bookingLogin(client % BOOKING_CLIENTS));
                    return r.status() == 201 ? null : r.status() == 409 ? "refused" : "HTTP " + r.status() + " " + r.text("code");
                }
                case GATEWAY -> {
                    try {
                        gateway.sendAndWait(new AskVolunteerCommand(HelpRequestId.parse(request), AssignmentId.random(),
                                VolunteerId.parse(volunteer)), coordinator(KOELN));
                        return null;
                    } catch (RuntimeException e) {
                        return refusal(e) ? "refused" : e.getClass().getSimpleName();
                    }
                }
                default -> {
                    try {
                        gateway.sendAndWait(new NaiveAxonBaseline.BookSlot(volunteer, UUID.randomUUID().toString(),
                                slot.startsAt().getEpochSecond(), slot.endsAt().getEpochSecond()));
                        return null;
                    } catch (RuntimeException e) {
                        return refusal(e) ? "refused" : e.getClass().getSimpleName();
                    }
                }
            }
        }

        /** Whether the command was refused by a rule (409), however the gateway wrapped it. */
        private static boolean refusal(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof nrw.komman.kernel.common.RuleViolationException || t instanceof NaiveAxonBaseline.SlotTaken) {
                    return true;
                }
            }
            return false;
        }

        /** Pairs of accepted bookings of one volunteer whose slots overlap: each is a double booking. */
        private long doubleBookings(List<String[]> bookings, List<Schedule> slots) {
            Map<String, List<Integer>> byVolunteer = new HashMap<>();
            for (String[] b : bookings) {
                byVolunteer.computeIfAbsent(b[0], v -> new ArrayList<>()).add(Integer.parseInt(b[1]));
            }
            long pairs = 0;
            for (List<Integer> held : byVolunteer.values()) {
                for (int a = 0; a < held.size(); a++) {
                    for (int b = a + 1; b < held.size(); b++) {
                        // the same request twice is no overlap of two assignments, but it is one volunteer held twice
                        if (held.get(a).equals(held.get(b)) || slots.get(held.get(a)).overlaps(slots.get(held.get(b)))) {
                            pairs++;
                        }
                    }
                }
            }
            return pairs;
        }
    }

    private static Api.Login bookingLogin(int client) {
        return new Api.Login("benchmark.einsatz.koeln." + client, CLIENT_PASSWORD);
    }

    // ---- notices (issue 19) ------------------------------------------------------------------------------------------

    /** The grant authority's account whose inbox and e-mail the notice figure watches (the only account with an address). */
    private static final Api.Login NOTICE_OFFICER = new Api.Login("benchmark.bezreg.post", CLIENT_PASSWORD);
    private static final String NOTICE_ADDRESS = "benchmark.bezreg@behoerde.example";
    /** One application every this many milliseconds: a steady stream of notices, not a burst. */
    private static final long NOTICE_PACE_MS = 250;

    /**
     * The delay from the answer to a command that causes a notice (Köln's coordinator applies for a grant over HTTP,
     * {@code mode.samples()} times at a steady pace) to (a) the inbox row of the grant authority's account, as a reader
     * of the database sees it appear (polled every 10 ms), and (b) the e-mail's receipt by the SMTP server (its own
     * store's time), while 8 clients log activities over HTTP without a pause, as in {@code logActivityHttp8}. The
     * delivery runs as configured (the scheduler's task every {@code komman.notices.every}, at most as often as
     * {@code db-scheduler.polling-interval}: 5 s each by default), so the figure is mostly those intervals. Also
     * counted: the e-mails marked sent, received, and received more than once under one Message-ID.
     */
    private Map<String, Object> noticeDelay(Api api, JdbcTemplate jdbc, Mailbox mailbox, List<Volunteer> volunteers,
                                            org.springframework.core.env.Environment environment) throws Exception {
        Api.Response created = api.post("/api/admin/accounts", Map.of("username", NOTICE_OFFICER.username(),
                "password", NOTICE_OFFICER.password(), "role", "GRANT_OFFICER"), TestAccounts.ADMIN);
        if (created.status() != 201 && created.status() != 409) {
            throw new IllegalStateException("the notice figure's account: " + created);
        }
        Api.Response settings = api.put("/api/notices/settings", Map.of("email", NOTICE_ADDRESS, "language", "de"), NOTICE_OFFICER);
        if (settings.status() != 200) {
            throw new IllegalStateException("the notice figure's address: " + settings);
        }
        int year = LocalDate.now(NRW).getYear();
        int samples = mode.samples();
        Map<String, Instant> answeredAt = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, Instant> inboxAt = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        AtomicLong loadOperations = new AtomicLong();
        ExecutorService background = Executors.newFixedThreadPool(2);
        long loadStart = System.nanoTime();
        Future<?> load = background.submit(() -> {
            while (running.get()) {
                loadOperations.addAndGet(httpLogs(api, volunteers, 8).operations());
            }
            return null;
        });
        Future<?> watcher = background.submit(() -> {
            while (running.get()) {
                List<String> seen = jdbc.queryForList("select subject_id from notice_inbox where username = ? and kind = 'GRANT_APPLIED'",
                        String.class, NOTICE_OFFICER.username());
                Instant now = Instant.now();
                seen.forEach(subject -> inboxAt.putIfAbsent(subject, now));
                Thread.sleep(10);
            }
            return null;
        });
        long loadNanos;
        try {
            long next = System.nanoTime();
            for (int i = 0; i < samples; i++) {
                Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                next += NOTICE_PACE_MS * 1_000_000;
                Api.Response applied = api.post("/api/grants", nrw.komman.app.support.Requests.with(
                        nrw.komman.app.support.Requests.grant(year, "1000.00"), "title", "Benachrichtigung " + i), TestAccounts.KOELN);
                Instant answered = Instant.now();
                if (applied.status() != 201) {
                    throw new IllegalStateException("apply for a grant: " + applied);
                }
                answeredAt.put(applied.text("grantId"), answered);
            }
            // the load goes on until every notice has arrived both ways (or ten minutes have passed)
            long deadline = System.nanoTime() + java.time.Duration.ofMinutes(10).toNanos();
            while ((!inboxAt.keySet().containsAll(answeredAt.keySet()) || mailbox.receipts().size() < samples)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            running.set(false);
            load.get();
            loadNanos = System.nanoTime() - loadStart;
            watcher.get();
            background.shutdownNow();
        }
        Thread.sleep(3_000); // a copy sent twice would arrive now

        // e-mail: the Message-ID of each notice's e-mail row, to the grant it is about
        Map<String, String> grantOfMessage = new HashMap<>();
        jdbc.query("select e.message_id, o.subject_id from notice_email e join notice_outbox o on o.notice_id = e.notice_id"
                + " where e.recipient = ?", rs -> {
            grantOfMessage.put(rs.getString(1), rs.getString(2));
        }, NOTICE_OFFICER.username());
        List<Mailbox.Receipt> receipts = mailbox.receipts().stream().filter(r -> r.to().equalsIgnoreCase(NOTICE_ADDRESS)).toList();
        Map<String, Instant> firstReceipt = new HashMap<>();
        receipts.forEach(r -> firstReceipt.merge(r.messageId(), r.receivedAt(), (a, b) -> a.isBefore(b) ? a : b));
        List<Long> inboxMs = new ArrayList<>();
        List<Long> emailMs = new ArrayList<>();
        answeredAt.forEach((grant, answered) -> {
            Instant inbox = inboxAt.get(grant);
            if (inbox != null) {
                inboxMs.add(java.time.Duration.between(answered, inbox).toMillis());
            }
        });
        firstReceipt.forEach((messageId, received) -> {
            Instant answered = answeredAt.get(grantOfMessage.get(messageId));
            if (answered != null) {
                emailMs.add(java.time.Duration.between(answered, received).toMillis());
            }
        });
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("notices", samples);
        figure.put("inboxMs", millis(inboxMs));
        figure.put("emailMs", millis(emailMs));
        figure.put("inboxRows", inboxMs.size());
        figure.put("emailsSent", jdbc.queryForObject("select count(*) from notice_email where recipient = ? and status = 'SENT'",
                Long.class, NOTICE_OFFICER.username()));
        figure.put("emailsReceived", receipts.size());
        figure.put("duplicates", receipts.size() - firstReceipt.size());
        figure.put("loadActivitiesPerSecond", Math.round(loadOperations.get() * 1e9 / loadNanos));
        figure.put("noticesEvery", environment.getProperty("komman.notices.every"));
        figure.put("schedulerPolling", environment.getProperty("db-scheduler.polling-interval"));
        return figure;
    }

    /** p50, p99 and max of delays in milliseconds (none measured: zeros, and the counts beside them say so). */
    private static Map<String, Object> millis(List<Long> delays) {
        List<Long> sorted = new ArrayList<>(delays);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Map.of("p50", 0, "p99", 0, "max", 0, "samples", 0);
        }
        return Map.of("p50", sorted.get(sorted.size() / 2), "p99",
                sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)), "max", sorted.get(sorted.size() - 1),
                "samples", sorted.size());
    }

    private Run reportReplay(Api api) {
        long start = System.nanoTime();
        Api.Response r = api.get("/api/reports/annual?fundingYear=" + LocalDate.now(NRW).getYear(), TestAccounts.MINISTRY);
        long nanos = System.nanoTime() - start;
        if (r.status() != 200) {
            throw new IllegalStateException("report: " + r);
        }
        return new Run(r.json().path("eventsIncluded").asLong(), nanos);
    }

    /**
     * The annual report over a history of {@code activities} logged activities. The quick mode's
     * history is extended by copies of its logged activities (new activity and aggregate ids, same
     * volunteers, dates and minutes) inserted in SQL: the replay reads them like any other events,
     * and generating a million through the commands would take the better part of an hour.
     */
    private Map<String, Object> reportAtScale(Api api, JdbcTemplate jdbc, int activities) {
        long copied = copyLoggedActivities(jdbc, activities);
        List<Long> millis = new ArrayList<>();
        long events = 0;
        for (int i = 0; i < mode.runs(); i++) {
            long start = System.nanoTime();
            Api.Response r = api.get("/api/reports/annual?fundingYear=" + LocalDate.now(NRW).getYear(), TestAccounts.MINISTRY);
            millis.add((System.nanoTime() - start) / 1_000_000);
            if (r.status() != 200) {
                throw new IllegalStateException("report at scale: " + r);
            }
            events = r.json().path("eventsIncluded").asLong();
        }
        Collections.sort(millis);
        long median = millis.get(millis.size() / 2);
        return Map.of("activitiesCopied", copied, "events", events, "medianMs", median,
                "minMs", millis.get(0), "maxMs", millis.get(millis.size() - 1), "eventsPerSecond", events * 1000 / Math.max(1, median));
    }

    private long copyLoggedActivities(JdbcTemplate jdbc, int target) {
        String logged = "%ActivityLoggedEvent";
        long existing = jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like ?", Long.class, logged);
        if (existing >= target) {
            return 0; // copied already (by the report at scale)
        }
        List<Map<String, Object>> templates = jdbc.queryForList("""
                select time_stamp, payload_type, payload_revision, payload, meta_data from domain_event_entry
                 where payload_type like ? and aggregate_identifier not like 'copy-%' order by global_index""", logged);
        List<Object[]> batch = new ArrayList<>();
        long copied = 0;
        for (long i = existing; i < target; i++) {
            Map<String, Object> template = templates.get((int) (i % templates.size()));
            String payload = new String((byte[]) template.get("payload"), java.nio.charset.StandardCharsets.UTF_8);
            String activityId = payload.replaceFirst("(?s).*\"activityId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            UUID copy = new UUID(13L, i);
            batch.add(new Object[]{UUID.randomUUID().toString(), "copy-" + copy, 0L, "Volunteer", template.get("time_stamp"),
                    template.get("payload_type"), template.get("payload_revision"),
                    payload.replace(activityId, copy.toString()).getBytes(java.nio.charset.StandardCharsets.UTF_8), template.get("meta_data")});
            if (batch.size() == 5_000 || i == target - 1) {
                jdbc.batchUpdate("""
                        insert into domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                        payload_type, payload_revision, payload, meta_data)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", batch);
                copied += batch.size();
                batch.clear();
            }
        }
        return copied;
    }

    /**
     * A full rebuild of the read models at {@code activities} logged activities (copied as for the
     * report, unless the report at scale copied them already), measured once: its run takes long,
     * and it is the figure the target names.
     */
    private Map<String, Object> rebuildAtScale(Api api, JdbcTemplate jdbc, int activities) {
        long copied = copyLoggedActivities(jdbc, activities);
        Run run = rebuild(api, jdbc);
        return Map.of("activitiesCopied", copied, "events", run.operations(), "seconds", Math.round(run.nanos() / 1e7) / 100.0,
                "median", Math.round(run.perSecond()), "min", Math.round(run.perSecond()), "max", Math.round(run.perSecond()), "runs", 1);
    }

    private Run rebuild(Api api, JdbcTemplate jdbc) {
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        long start = System.nanoTime();
        Api.Response r = api.post("/api/admin/read-models/rebuild", Map.of(), TestAccounts.ADMIN);
        if (r.status() != 202) {
            throw new IllegalStateException("rebuild: " + r);
        }
        ReadModels.awaitCaughtUp(api, java.time.Duration.ofHours(1));
        return new Run(events, System.nanoTime() - start);
    }

    private static Map<String, Object> percentiles(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        return Map.of("p50", sorted.get(sorted.size() / 2) / 1000.0, "p99",
                sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1000.0, "samples", sorted.size());
    }

    @SuppressWarnings("unchecked")
    private static void ratios(Map<String, Object> f) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        ratios.put("httpLog8 / naiveAxon8", ratio(f, "logActivityHttp8", "naiveAxon8"));
        ratios.put("gatewayLog8 / naiveAxon8", ratio(f, "logActivityGateway8", "naiveAxon8"));
        ratios.put("httpLog8 / rawInsert8", ratio(f, "logActivityHttp8", "rawInsert8"));
        ratios.put("naiveAxon8 / rawInsert8", ratio(f, "naiveAxon8", "rawInsert8"));
        ratios.put("bookingHttp8 / naiveBooking8", ratio(f, "bookingHttp8", "naiveBooking8"));
        ratios.put("bookingGateway8 / naiveBooking8", ratio(f, "bookingGateway8", "naiveBooking8"));
        ratios.put("rebuild / rawSequentialRead", ratio(f, "rebuild", "rawSequentialRead"));
        ratios.put("rebuildAtScale / rawSequentialRead", ratio(f, "rebuildAtScale", "rawSequentialRead"));
        ratios.put("reportReplay / rawSequentialRead", ratio(f, "reportReplay", "rawSequentialRead"));
        f.put("ratios", ratios);
    }

    @SuppressWarnings("unchecked")
    private static Double ratio(Map<String, Object> f, String a, String b) {
        if (!f.containsKey(a) || !f.containsKey(b)) {
            return null; // not measured in this run (-Dbenchmark.only)
        }
        double x = ((Number) ((Map<String, Object>) f.get(a)).get("median")).doubleValue();
        double y = ((Number) ((Map<String, Object>) f.get(b)).get("median")).doubleValue();
        return Math.round(x / y * 100) / 100.0;
    }

    /** The most heap in use right after any garbage collection of the run: the live data, not the garbage. */
    private static final AtomicLong LIVE_PEAK = new AtomicLong();

    static {
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((javax.management.NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from((javax.management.openmbean.CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(java.lang.management.MemoryUsage::getUsed).sum();
                    LIVE_PEAK.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
    }

    /**
     * The largest live heap of the run, measured right after garbage collections (a sample between
     * collections would count garbage too). The JVM runs with -Xmx512m: an OutOfMemoryError would fail
     * the benchmark.
     */
    private static long peakHeapMb() {
        return LIVE_PEAK.get() / (1024 * 1024);
    }

    private void write() throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path file = Path.of("target", "benchmark", "results.json");
        Files.createDirectories(file.getParent());
        json.writeValue(file.toFile(), results);
        System.out.println();
        System.out.println("KOMM-AN NRW benchmark (" + mode.name() + "), medians (min-max) of " + mode.runs()
                + " runs, operations or events per second unless noted; written to " + file.toAbsolutePath());
        List<String> databases = List.of("h2", "postgres").stream().filter(results::containsKey).toList();
        Set<String> names = new java.util.LinkedHashSet<>();
        databases.forEach(db -> names.addAll(((Map<String, Object>) results.get(db)).keySet()));
        System.out.printf("%-42s", "figure");
        databases.forEach(db -> System.out.printf(" | %-40s", db));
        System.out.println();
        for (String name : names) {
            List<String> lines = new ArrayList<>();
            for (String db : databases) {
                Object value = ((Map<String, Object>) results.get(db)).get(name);
                lines.add(cell(value));
            }
            if (value(lines)) {
                System.out.printf("%-42s", name);
                lines.forEach(l -> System.out.printf(" | %-40s", l));
                System.out.println();
            }
        }
        System.out.println("peak heap MB: " + results.get("peakHeapMb"));
    }

    /** A figure as one table cell: median (min-max), p50 / p99, or nested figures and ratios as name=value. */
    @SuppressWarnings("unchecked")
    private static String cell(Object value) {
        if (value instanceof Map<?, ?> map && map.containsKey("duplicates")) { // the notice figure: both delays and the counts
            Map<?, ?> inbox = (Map<?, ?>) map.get("inboxMs");
            Map<?, ?> email = (Map<?, ?>) map.get("emailMs");
            return "inbox p50 " + inbox.get("p50") + " / p99 " + inbox.get("p99") + " / max " + inbox.get("max") + " ms; e-mail p50 "
                    + email.get("p50") + " / p99 " + email.get("p99") + " / max " + email.get("max") + " ms; " + map.get("emailsSent")
                    + " sent, " + map.get("emailsReceived") + " received, duplicates: " + map.get("duplicates") + "; load "
                    + map.get("loadActivitiesPerSecond") + " activities/s";
        }
        if (value instanceof Map<?, ?> map && map.containsKey("doubleBookings")) { // a booking figure: what it decided too
            return map.get("median") + " (" + map.get("min") + "-" + map.get("max") + "); " + map.get("accepted") + " booked, "
                    + map.get("refused") + " refused, double bookings: " + map.get("doubleBookings");
        }
        if (value instanceof Map<?, ?> map && map.containsKey("median")) {
            return map.get("median") + " (" + map.get("min") + "-" + map.get("max") + ")";
        }
        if (value instanceof Map<?, ?> map && map.containsKey("p99")) {
            return "p50 " + map.get("p50") + " ms, p99 " + map.get("p99") + " ms";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            ((Map<String, Object>) map).forEach((k, v) -> parts.add(k + "=" + (v instanceof Map<?, ?> m && m.containsKey("p99") ? "p99 " + m.get("p99") : v)));
            return String.join("; ", parts);
        }
        return String.valueOf(value);
    }

    private static boolean value(List<String> cells) {
        return cells.stream().anyMatch(c -> !"null".equals(c));
    }

    /** Runs {@code count} tasks on {@code threads} threads; the first failure fails the measurement. */
    private static void parallel(int threads, int count, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicLong next = new AtomicLong();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        task.run((int) i);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> referenceCentres() {
        try (var in = PlatformBenchmark.class.getResourceAsStream("/reference-data/nrw-kommunale-integrationszentren.csv")) {
            return new String(java.util.Objects.requireNonNull(in).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines().skip(1).map(line -> line.substring(0, line.indexOf(','))).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    interface Task {
        void run(int index) throws Exception;
    }
}
