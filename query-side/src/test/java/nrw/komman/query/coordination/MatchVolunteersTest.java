package nrw.komman.query.coordination;

import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.Availability;
import nrw.komman.kernel.coordination.DayPart;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.MatchReason;
import nrw.komman.kernel.coordination.MatchVolunteersQuery;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.coordination.VolunteerMatch;
import nrw.komman.kernel.coordination.VolunteerMatches;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.support.ReadSide;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static nrw.komman.kernel.activity.ActivityCategory.ACCOMPANIMENT;
import static nrw.komman.kernel.activity.ActivityCategory.EDUCATION;
import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Matching a request for Dari-speaking accompaniment on Tuesday 1 July 2025, 9–11 (today: 15 June 2025). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MatchVolunteersTest {

    private static final Schedule TUESDAY = Schedule.once(LocalDate.of(2025, 7, 1), LocalTime.of(9, 0), LocalTime.of(11, 0));
    private static final Availability TUESDAY_MORNINGS = new Availability(
            Set.of(new Availability.Slot(DayOfWeek.TUESDAY, DayPart.MORNING)), List.of());
    private static final Availability FRIDAY_EVENINGS = new Availability(
            Set.of(new Availability.Slot(DayOfWeek.FRIDAY, DayPart.EVENING)), List.of());

    private final ReadSide readSide = new ReadSide();
    private HelpRequestId request;

    @BeforeEach
    void given_koeln_and_duesseldorf() {
        readSide.establishSomeCentres();
    }

    private VolunteerId volunteer(String name, Set<String> languages, boolean interested) {
        return readSide.register(KOELN, name, name.replace(' ', '.').toLowerCase() + "@example.org", languages, interested ? Set.of(ACCOMPANIMENT) : Set.of(EDUCATION),
                LocalDate.of(2024, 1, 1));
    }

    private VolunteerMatches match() {
        return readSide.matching.handle(new MatchVolunteersQuery(request, 100), as(COORDINATOR_KOELN));
    }

    private static List<String> codes(VolunteerMatch match) {
        return match.reasons().stream().map(MatchReason::code).toList();
    }

    @Test
    void a_requested_language_ranks_first_then_interest_then_known_free_time_then_unknown_availability() {
        VolunteerId interestedFree = volunteer("Ida", Set.of("de"), true);
        readSide.updateAvailability(interestedFree, KOELN, TUESDAY_MORNINGS);
        VolunteerId dari = volunteer("Dara", Set.of("fa"), false);
        VolunteerId dariInterestedFree = volunteer("Farid", Set.of("fa", "ps"), true);
        readSide.updateAvailability(dariInterestedFree, KOELN, TUESDAY_MORNINGS);
        VolunteerId unknown = volunteer("Uwe", Set.of("de"), false);
        VolunteerId busyOnFridays = volunteer("Fritz", Set.of("de"), false);
        readSide.updateAvailability(busyOnFridays, KOELN, FRIDAY_EVENINGS);
        request = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa", "ps"), TUESDAY, 1, "Familie K.", "Ausländerbehörde");

        List<VolunteerMatch> matches = match().matches();
        assertThat(matches).extracting(VolunteerMatch::volunteerId)
                .containsExactly(dariInterestedFree, dari, interestedFree, unknown, busyOnFridays);
        assertThat(matches.get(0).reasons()).contains(new MatchReason("language", "fa"), new MatchReason("language", "ps"),
                new MatchReason("interest", "ACCOMPANIMENT"), new MatchReason("available", "TUESDAY:MORNING"),
                new MatchReason("load", "0"), new MatchReason("free", null));
        assertThat(codes(matches.get(3))).contains("availability-unknown").doesNotContain("available");
        assertThat(codes(matches.get(4))).doesNotContain("available", "availability-unknown");
        assertThat(matches.get(0).name()).isEqualTo("Farid");
    }

    @Test
    void volunteers_booked_at_an_overlapping_time_or_away_that_day_are_not_offered_only_counted() {
        VolunteerId booked = volunteer("Bea", Set.of("fa"), true);
        VolunteerId away = volunteer("Anton", Set.of("fa"), true);
        readSide.updateAvailability(away, KOELN, new Availability(Set.of(),
                List.of(new Availability.Absence(LocalDate.of(2025, 6, 28), LocalDate.of(2025, 7, 5)))));
        VolunteerId bookedJustBefore = volunteer("Jana", Set.of("fa"), true);
        VolunteerId offeredElsewhere = volunteer("Olga", Set.of("fa"), true);
        HelpRequestId other = readSide.openRequest(KOELN, EDUCATION, Set.of(), Schedule.weekly(LocalDate.of(2025, 6, 17),
                LocalDate.of(2025, 7, 15), Set.of(DayOfWeek.TUESDAY), LocalTime.of(10, 30), LocalTime.of(12, 0)), 3, "Schule", "Raum 1");
        readSide.ask(other, booked, KOELN, Schedule.weekly(LocalDate.of(2025, 6, 17), LocalDate.of(2025, 7, 15),
                Set.of(DayOfWeek.TUESDAY), LocalTime.of(10, 30), LocalTime.of(12, 0)));
        HelpRequestId before = readSide.openRequest(KOELN, EDUCATION, Set.of(), Schedule.once(LocalDate.of(2025, 7, 1),
                LocalTime.of(7, 0), LocalTime.of(9, 0)), 1, "Kita", "Raum 2");
        readSide.ask(before, bookedJustBefore, KOELN, Schedule.once(LocalDate.of(2025, 7, 1), LocalTime.of(7, 0), LocalTime.of(9, 0)));
        readSide.offer(other, offeredElsewhere, KOELN, Schedule.weekly(LocalDate.of(2025, 6, 17), LocalDate.of(2025, 7, 15),
                Set.of(DayOfWeek.TUESDAY), LocalTime.of(10, 30), LocalTime.of(12, 0)));
        request = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), TUESDAY, 1, "Familie K.", "Ausländerbehörde");

        VolunteerMatches matches = match();
        assertThat(matches.matches()).extracting(VolunteerMatch::volunteerId)
                .doesNotContain(booked, away).contains(bookedJustBefore, offeredElsewhere); // touching ends do not overlap
        assertThat(matches.notOfferedAsBooked()).isEqualTo(1);
        assertThat(matches.notOfferedAsAway()).isEqualTo(1);
        // assignments this month count as load: Jana is asked for July 1st, Olga's offer holds nothing
        assertThat(matches.matches()).filteredOn(m -> m.volunteerId().equals(bookedJustBefore)).singleElement()
                .satisfies(m -> assertThat(m.reasons()).contains(new MatchReason("load", "0")));
    }

    @Test
    void fewer_assignments_this_month_rank_higher_and_those_already_asked_for_this_request_are_marked() {
        VolunteerId busy = volunteer("Anna", Set.of("fa"), true);
        VolunteerId idle = volunteer("Zora", Set.of("fa"), true);
        for (int day : new int[]{16, 17, 18}) {
            Schedule s = Schedule.once(LocalDate.of(2025, 6, day), LocalTime.of(14, 0), LocalTime.of(15, 0));
            HelpRequestId r = readSide.openRequest(KOELN, EDUCATION, Set.of(), s, 1, "Schule", "Raum");
            readSide.ask(r, busy, KOELN, s);
        }
        request = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), TUESDAY, 2, "Familie K.", "Ausländerbehörde");
        AssignmentId asked = readSide.ask(request, idle, KOELN, TUESDAY);

        List<VolunteerMatch> matches = match().matches();
        assertThat(matches).extracting(VolunteerMatch::volunteerId).containsExactly(idle, busy);
        assertThat(matches.get(1).reasons()).contains(new MatchReason("load", "3"));
        assertThat(codes(matches.get(0))).contains("asked", "free"); // its own assignment does not book it against itself
        assertThat(codes(matches.get(1))).doesNotContain("asked");
        assertThat(asked).isNotNull();
    }

    @Test
    void only_the_centres_active_volunteers_with_their_data_are_offered() {
        VolunteerId active = volunteer("Aktiv", Set.of("fa"), true);
        VolunteerId inactive = volunteer("Inaktiv", Set.of("fa"), true);
        readSide.deactivate(inactive, KOELN);
        VolunteerId erased = volunteer("Gelöscht", Set.of("fa"), true);
        readSide.erase(erased, KOELN, LocalDate.of(2025, 6, 1));
        VolunteerId elsewhere = readSide.register(DUESSELDORF, "Anderswo", "anderswo@example.org", Set.of("fa"), Set.of(ACCOMPANIMENT), LocalDate.of(2024, 1, 1));
        request = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), TUESDAY, 1, "Familie K.", "Ausländerbehörde");
        assertThat(match().matches()).extracting(VolunteerMatch::volunteerId).containsExactly(active);
        assertThat(elsewhere).isNotNull();
    }

    /** The benchmark's size: about 926 volunteers in the centre (here 926, with availability and bookings). Prints the time. */
    @Test
    void matching_a_centre_of_926_volunteers_takes_a_handful_of_statements() {
        List<VolunteerId> all = new ArrayList<>();
        String[] languages = {"fa", "ar", "tr", "uk", "ru", "en", "ps", "ku"};
        for (int i = 0; i < 926; i++) {
            VolunteerId id = volunteer("Person " + i, Set.of(languages[i % languages.length], "de"), i % 3 == 0);
            all.add(id);
            if (i % 2 == 0) {
                readSide.updateAvailability(id, KOELN, i % 4 == 0 ? TUESDAY_MORNINGS : FRIDAY_EVENINGS);
            }
        }
        for (int i = 0; i < 200; i++) {
            Schedule s = Schedule.once(LocalDate.of(2025, 6, 16).plusDays(i % 20), LocalTime.of(9, 0), LocalTime.of(11, 0));
            HelpRequestId r = readSide.openRequest(KOELN, EDUCATION, Set.of(), s, 1, "Schule", "Raum");
            readSide.ask(r, all.get(i * 4), KOELN, s);
        }
        request = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), TUESDAY, 1, "Familie K.", "Ausländerbehörde");
        for (int i = 0; i < 30; i++) {
            match(); // warm up (the JIT compiles the opening of sealed data)
        }
        long[] nanos = new long[20];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            VolunteerMatches m = match();
            nanos[i] = System.nanoTime() - start;
            assertThat(m.matches()).hasSize(100);
        }
        Arrays.sort(nanos);
        System.out.printf("Matching 926 volunteers (H2 in memory): median %.1f ms, max %.1f ms%n",
                nanos[nanos.length / 2] / 1e6, nanos[nanos.length - 1] / 1e6);
        assertThat(match().matches().get(0).reasons()).contains(new MatchReason("language", "fa"));
    }
}
