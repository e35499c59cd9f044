package nrw.komman.query.volunteer;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.volunteer.FindVolunteersQuery;
import nrw.komman.kernel.volunteer.VolunteerPage;
import nrw.komman.query.support.ReadSide;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a page of a centre's roster costs with 500 volunteers (ADR 22: the roster is opened, filtered and
 * sorted in memory since the read model holds ciphertext only). Prints medians, asserts no time: run it by
 * name ({@code -Dtest=RosterPageBenchmark}); surefire's default patterns leave it out of the suite.
 */
class RosterPageBenchmark {

    private static final int VOLUNTEERS = Integer.getInteger("roster.benchmark.volunteers", 500);
    private static final int RUNS = Integer.getInteger("roster.benchmark.runs", 200);

    @Test
    void a_page_of_the_roster_of_a_large_centre() {
        ReadSide readSide = new ReadSide();
        readSide.establishSomeCentres();
        Random random = new Random(16);
        List<String> languages = List.of("en", "ar", "uk", "tr", "fa", "ru", "pl");
        for (int i = 0; i < VOLUNTEERS; i++) {
            String name = "Person " + Integer.toString(random.nextInt(1_000_000), 36) + " " + i;
            readSide.register(KOELN, name, "p" + i + "@example.org", Set.of(languages.get(i % languages.size()), "de"),
                    Set.of(ActivityCategory.values()[i % ActivityCategory.values().length]), LocalDate.of(2024, 1, 1));
        }
        for (int i = 0; i < 100; i++) { // another centre's volunteers are not read
            readSide.register(DUESSELDORF, "Andere " + i, "a" + i + "@example.org", Set.of("de"), Set.of(), LocalDate.of(2024, 1, 1));
        }

        report("first page of 50", () -> page(readSide, null, null, 0));
        report("fifth page of 50", () -> page(readSide, null, null, 4));
        report("search 'person 1', page 1", () -> page(readSide, "person 1", null, 0));
        report("language 'ar', page 1", () -> page(readSide, null, "ar", 0));
    }

    private static VolunteerPage page(ReadSide readSide, String search, String language, int page) {
        return readSide.volunteers.handle(new FindVolunteersQuery(KOELN, null, language, null, search, page, 50),
                as(COORDINATOR_KOELN));
    }

    private static void report(String what, Supplier<VolunteerPage> query) {
        for (int i = 0; i < 100; i++) { // warm up
            query.get();
        }
        long[] nanos = new long[RUNS];
        VolunteerPage last = null;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            last = query.get();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        assertThat(last.items()).isNotEmpty();
        System.out.printf(Locale.ROOT, "roster benchmark (%d volunteers): %-28s median %.2f ms, p90 %.2f ms (%d matches)%n",
                VOLUNTEERS, what, nanos[RUNS / 2] / 1e6, nanos[RUNS * 9 / 10] / 1e6, last.totalItems());
    }
}
