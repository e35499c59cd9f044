package nrw.komman.query.coordination;

import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Permissions;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.coordination.Availability;
import nrw.komman.kernel.coordination.DayPart;
import nrw.komman.kernel.coordination.MatchReason;
import nrw.komman.kernel.coordination.MatchVolunteersQuery;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.coordination.VolunteerMatch;
import nrw.komman.kernel.coordination.VolunteerMatches;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.SealedPersonalData;
import nrw.komman.kernel.volunteer.SealedText;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.common.ReadAccess;
import nrw.komman.query.common.Rows;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ranks a centre's active volunteers for a request (issue 18). Read in a handful of statements whatever the
 * centre's size (the request; the volunteers with their availability; the held times that could overlap; the
 * assignments this month; who is asked already), opened with one look-up of the keys, scored in memory.
 *
 * <p>Score, higher is better: speaks a requested language +100 (+5 for each further one), interested in the
 * category +30, usually free in every part of the day the schedule touches +20 (in some of them +10; availability
 * not given +5, below known-free), minus 2 for each assignment this month (at most 10 counted). Those booked at an
 * overlapping time or away on one of the request's days are not offered, only counted. Ties: by name, then id.
 */
@Component
public class MatchQueries {

    static final int LANGUAGE = 100;
    static final int FURTHER_LANGUAGE = 5;
    static final int INTEREST = 30;
    static final int AVAILABLE = 20;
    static final int PARTLY_AVAILABLE = 10;
    static final int AVAILABILITY_UNKNOWN = 5;
    static final int PER_ASSIGNMENT_THIS_MONTH = 2;
    static final int LOAD_COUNTED = 10;

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataVault vault;
    private final Clock clock;

    @Autowired
    public MatchQueries(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault, ObjectProvider<Clock> clock) {
        this(jdbc, vault, clock.getIfAvailable(Nrw::systemClock));
    }

    public MatchQueries(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
    }

    @QueryHandler
    public VolunteerMatches handle(MatchVolunteersQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        Permissions.require(actor, Action.READ_HELP_REQUESTS);
        MapSqlParameterSource p = new MapSqlParameterSource("requestId", query.requestId().toString());
        List<Request> found = jdbc.query("""
                select r.centre_id, r.category, r.languages, r.first_day, r.last_day, r.weekdays, r.start_time, r.end_time
                  from help_request_view r where r.request_id = :requestId""", p, (rs, i) -> new Request(
                new CentreId(rs.getString("centre_id")), ActivityCategory.valueOf(rs.getString("category")),
                Codes.languages(rs.getString("languages")), Codes.schedule(rs)));
        if (found.isEmpty()) {
            throw HelpRequestQueries.notFound();
        }
        Request request = found.get(0);
        Permissions.require(actor, Action.READ_HELP_REQUESTS, request.centreId());
        Schedule schedule = request.schedule();
        LocalDate today = Nrw.today(clock);
        YearMonth month = YearMonth.from(today);
        p.addValue("centreId", request.centreId().value())
                .addValue("startsAt", Rows.timestamp(schedule.startsAt()))
                .addValue("endsAt", Rows.timestamp(schedule.endsAt()))
                .addValue("monthStart", Rows.timestamp(month.atDay(1).atStartOfDay(Nrw.ZONE).toInstant()))
                .addValue("monthEnd", Rows.timestamp(month.plusMonths(1).atDay(1).atStartOfDay(Nrw.ZONE).toInstant()));

        List<Candidate> candidates = jdbc.query("""
                select v.volunteer_id, v.sealed_personal_data, a.sealed_availability
                  from volunteer_view v
                  left join volunteer_availability a on a.volunteer_id = v.volunteer_id
                 where v.centre_id = :centreId and v.status = 'ACTIVE' and v.erased = false""", p, (rs, i) -> new Candidate(
                VolunteerId.parse(rs.getString("volunteer_id").trim()), rs.getString("sealed_personal_data"),
                rs.getString("sealed_availability")));
        // held times of other assignments that could overlap the request (its own assignments are marked, not booked)
        Map<VolunteerId, List<Instant[]>> held = new HashMap<>();
        jdbc.query("""
                select b.volunteer_id, b.starts_at, b.ends_at from volunteer_booking b
                 where b.centre_id = :centreId and b.starts_at < :endsAt and b.ends_at > :startsAt
                   and b.assignment_id not in (select x.assignment_id from assignment_view x where x.request_id = :requestId)""",
                p, (RowCallbackHandler) rs -> held.computeIfAbsent(VolunteerId.parse(rs.getString("volunteer_id").trim()),
                        k -> new ArrayList<>()).add(new Instant[]{Rows.instant(rs, "starts_at"), Rows.instant(rs, "ends_at")}));
        Map<VolunteerId, Integer> load = new HashMap<>();
        jdbc.query("""
                select b.volunteer_id, count(distinct b.assignment_id) as assignments from volunteer_booking b
                 where b.centre_id = :centreId and b.starts_at >= :monthStart and b.starts_at < :monthEnd
                 group by b.volunteer_id""", p, (RowCallbackHandler) rs ->
                load.put(VolunteerId.parse(rs.getString("volunteer_id").trim()), rs.getInt("assignments")));
        Set<VolunteerId> asked = new HashSet<>();
        jdbc.query("""
                select a.volunteer_id from assignment_view a
                 where a.request_id = :requestId and a.status in ('ASKED', 'OFFERED', 'CONFIRMED')""", p,
                (RowCallbackHandler) rs -> asked.add(VolunteerId.parse(rs.getString("volunteer_id").trim())));

        List<Schedule.Occurrence> occurrences = schedule.occurrences();
        List<LocalDate> days = schedule.days();
        Set<Availability.Slot> touched = slotsTouched(schedule);
        PersonalDataVault.Opener opener = vault.openerFor(candidates.stream().map(Candidate::volunteerId).toList());
        int booked = 0;
        int away = 0;
        List<Ranked> matches = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.sealed() == null) {
                continue; // no personal data to show (projected before V35, waiting for the rebuild)
            }
            if (overlaps(held.get(c.volunteerId()), occurrences)) { // before opening anything: the costly part
                booked++;
                continue;
            }
            Availability availability = c.sealedAvailability() == null ? Availability.UNKNOWN
                    : opener.openText(c.volunteerId(), new SealedText(c.sealedAvailability())).map(Availability::parse)
                    .orElse(Availability.UNKNOWN);
            if (!availability.away().isEmpty() && days.stream().anyMatch(availability::awayOn)) {
                away++;
                continue;
            }
            PersonalData.Profile data = opener.openProfile(c.volunteerId(), new SealedPersonalData(c.sealed())).orElse(null);
            if (data == null) {
                continue; // the key is gone: erased meanwhile
            }
            matches.add(new Ranked(score(c.volunteerId(), data, availability, request, touched,
                    load.getOrDefault(c.volunteerId(), 0), asked.contains(c.volunteerId()))));
        }
        matches.sort(Ranked.ORDER);
        return new VolunteerMatches(query.requestId(), matches.stream().limit(query.limit()).map(Ranked::match).toList(),
                booked, away);
    }

    static VolunteerMatch score(VolunteerId id, PersonalData.Profile data, Availability availability, Request request,
                                Set<Availability.Slot> touched, int thisMonth, boolean alreadyAsked) {
        int score = 0;
        List<MatchReason> reasons = new ArrayList<>();
        int spoken = 0;
        for (String language : new TreeSet<>(request.languages())) {
            if (data.languages().contains(language)) {
                reasons.add(new MatchReason("language", language));
                score += spoken++ == 0 ? LANGUAGE : FURTHER_LANGUAGE;
            }
        }
        if (data.interests().contains(request.category())) {
            reasons.add(new MatchReason("interest", request.category().name()));
            score += INTEREST;
        }
        if (!availability.known()) {
            reasons.add(new MatchReason("availability-unknown", null));
            score += AVAILABILITY_UNKNOWN;
        } else {
            List<Availability.Slot> free = touched.stream().filter(availability.weekly()::contains).toList();
            free.forEach(slot -> reasons.add(new MatchReason("available", slot.day() + ":" + slot.part())));
            score += free.isEmpty() ? 0 : free.size() == touched.size() ? AVAILABLE : PARTLY_AVAILABLE;
        }
        reasons.add(new MatchReason("load", Integer.toString(thisMonth)));
        score -= PER_ASSIGNMENT_THIS_MONTH * Math.min(thisMonth, LOAD_COUNTED);
        reasons.add(new MatchReason("free", null));
        if (alreadyAsked) {
            reasons.add(new MatchReason("asked", null));
        }
        return new VolunteerMatch(id, data.name(), score, List.copyOf(reasons));
    }

    /** The weekly slots (weekday × part of the day) the schedule's days and hours touch, in the week's order. */
    static Set<Availability.Slot> slotsTouched(Schedule schedule) {
        Set<DayOfWeek> weekdays = new TreeSet<>();
        if (schedule.recurring()) {
            weekdays.addAll(schedule.weekdays());
        } else {
            weekdays.add(schedule.firstDay().getDayOfWeek());
        }
        Set<Availability.Slot> slots = new TreeSet<>(Availability.Slot.ORDER);
        for (DayOfWeek day : weekdays) {
            for (DayPart part : DayPart.values()) {
                if (part.touches(schedule.start(), schedule.end())) {
                    slots.add(new Availability.Slot(day, part));
                }
            }
        }
        return slots;
    }

    /** Whether any held span overlaps an occurrence (both sorted by start; touching ends do not overlap). */
    static boolean overlaps(List<Instant[]> held, List<Schedule.Occurrence> occurrences) {
        if (held == null) {
            return false;
        }
        for (Instant[] span : held) {
            // the last occurrence that starts before the span ends is the only one that can overlap it
            int lo = 0;
            int hi = occurrences.size() - 1;
            int last = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (occurrences.get(mid).startsAt().isBefore(span[1])) {
                    last = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (last >= 0 && occurrences.get(last).endsAt().isAfter(span[0])) {
                return true;
            }
        }
        return false;
    }

    record Request(CentreId centreId, ActivityCategory category, Set<String> languages, Schedule schedule) {
    }

    private record Candidate(VolunteerId volunteerId, String sealed, String sealedAvailability) {
    }

    /** A match with its sort keys made once: lower-casing names in the comparator was a tenth of matching (measured). */
    private record Ranked(VolunteerMatch match, String name, String id) {

        static final Comparator<Ranked> ORDER = Comparator.comparingInt((Ranked r) -> r.match().score()).reversed()
                .thenComparing(Ranked::name).thenComparing(Ranked::id);

        Ranked(VolunteerMatch match) {
            this(match, match.name() == null ? "" : match.name().toLowerCase(Locale.ROOT), match.volunteerId().toString());
        }
    }
}
