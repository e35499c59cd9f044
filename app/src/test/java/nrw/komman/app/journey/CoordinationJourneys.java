package nrw.komman.app.journey;

import com.fasterxml.jackson.databind.JsonNode;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Download;
import nrw.komman.app.support.Api.Response;
import nrw.komman.app.support.HelpRequests;
import nrw.komman.app.support.RawTables;
import nrw.komman.app.support.ShiftableClock;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.DUESSELDORF;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.KOELN_CENTRE;
import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coordination (issue 18) end to end over real HTTP, against the running application and its real database, once per
 * database: the issue's "Done when" journey (a request for Dari-speaking help next Tuesday 9:00–11:00 in Köln, the
 * match, two asked, one declines, one confirms through their personal link, the assignment takes place, the hours
 * appear in the activity log and on the certificate, the ministry sees the request staffed and the demand for Dari in
 * the Regierungsbezirk Köln met), and the rules over HTTP: the centre's coordinators only, the link shows only its
 * volunteer's data and stops when revoked, expired, after deactivation and after erasure; nobody is booked twice.
 *
 * <p>Only the journey asks for Dari ({@code prs}), so its figures for Dari are its own; the other scenarios use other
 * languages. The tests of a class share one database: every scenario registers people of its own. Time is moved with
 * the {@link ShiftableClock} (an assignment takes place only once its day has come) and always put back.
 */
public interface CoordinationJourneys {

    ZoneId NRW = ZoneId.of("Europe/Berlin");

    Api api();

    ShiftableClock clock();

    JdbcTemplate jdbc();

    @BeforeEach
    default void accounts() {
        TestAccounts.createAll(api());
    }

    @AfterEach
    default void realTime() {
        clock().reset();
    }

    // ---- the issue's journey ------------------------------------------------------------------------------------

    @Test
    default void dari_speaking_help_on_tuesday_is_matched_asked_declined_confirmed_through_the_link_logged_certified_and_counted() {
        LocalDate tuesday = HelpRequests.next(DayOfWeek.TUESDAY, today());
        String farid = register("Farid Ahmadi", List.of("prs", "de"), List.of("ACCOMPANIMENT"));
        String lena = register("Lena Hoffmann", List.of("de", "en"), List.of("ACCOMPANIMENT"));
        ok(api().put("/api/volunteers/" + farid + "/availability", HelpRequests.availability("TUESDAY:MORNING"), KOELN));
        ok(api().put("/api/volunteers/" + lena + "/availability", HelpRequests.availability("TUESDAY:MORNING"), KOELN));
        JsonNode figuresBefore = figures();

        String request = open(HelpRequests.once(tuesday, LocalTime.of(9, 0), LocalTime.of(11, 0), 120, List.of("prs"), 1));
        JsonNode view = api().get("/api/help-requests/" + request, KOELN).json();
        assertThat(view.path("summary").path("status").asText()).isEqualTo("OPEN");
        assertThat(view.path("requesterName").asText()).as("the centre sees who asked").isEqualTo("Familie Noori");
        assertThat(board()).as("the board lists the new request").contains(request);

        // the match: the Dari speaker first, with the reason
        Response matches = api().get("/api/help-requests/" + request + "/matches?limit=20", KOELN);
        assertThat(matches.status()).as(matches.toString()).isEqualTo(200);
        JsonNode first = matches.json().path("matches").get(0);
        assertThat(first.path("volunteerId").asText()).as("the Dari speaker comes first: " + matches).isEqualTo(farid);
        assertThat(reasons(first)).contains("language:prs");
        assertThat(rank(matches.json(), farid)).isLessThan(rank(matches.json(), lena));

        // two are asked; the ministry meanwhile sees Dari missing in the Regierungsbezirk Köln
        String faridsAssignment = ask(request, farid);
        String lenasAssignment = ask(request, lena);
        JsonNode unmet = unmetDemand(figures(), "KOELN", "prs");
        assertThat(unmet).as("unmet demand for Dari in Köln before anyone confirmed").isNotNull();
        assertThat(unmet.path("requests").asInt()).isEqualTo(1);
        assertThat(unmet.path("missingVolunteers").asInt()).isEqualTo(1);

        // one declines (through the coordinator, who was told), the other confirms through their own link
        ok(api().post("/api/help-requests/" + request + "/assignments/" + lenasAssignment + "/declination",
                Map.of("reason", "ist an dem Tag verreist"), KOELN));
        Map<String, Object> link = issueLink(farid);
        String token = (String) link.get("token");
        assertThat((String) link.get("url")).contains(token);
        JsonNode page = ownPage(token);
        assertThat(page.path("name").asText()).isEqualTo("Farid Ahmadi");
        assertThat(page.path("upcoming").findValuesAsText("assignmentId")).containsExactly(faridsAssignment);
        assertThat(page.toString()).as("the volunteer's page shows no one else").doesNotContain("Lena Hoffmann", lenasAssignment);
        ok(api().post("/api/link/" + token + "/assignments/" + faridsAssignment + "/confirmation", Map.of(), null));

        view = api().get("/api/help-requests/" + request, KOELN).json();
        assertThat(view.path("summary").path("status").asText()).isEqualTo("STAFFED");
        assertThat(view.path("summary").path("confirmed").asInt()).isEqualTo(1);
        assertThat(status(view, faridsAssignment)).isEqualTo("CONFIRMED");
        assertThat(status(view, lenasAssignment)).isEqualTo("DECLINED");
        assertThat(api().get("/api/volunteers/" + farid + "/assignments?upcoming=true", KOELN).json()
                .path("assignments").findValuesAsText("assignmentId")).containsExactly(faridsAssignment);
        Download calendar = api().download("/api/link/" + token + "/calendar.ics", null);
        assertThat(calendar.status()).isEqualTo(200);
        assertThat(calendar.contentType()).startsWith("text/calendar");
        assertThat(new String(calendar.body(), StandardCharsets.UTF_8)).contains("BEGIN:VCALENDAR", "BEGIN:VEVENT");

        // the ministry: the request staffed, Dari no longer missing in Köln; counts only, no names
        Response state = api().get("/api/state/coordination", MINISTRY);
        assertThat(state.status()).as(state.toString()).isEqualTo(200);
        JsonNode after = state.json();
        assertThat(after.path("staffed").asInt()).isEqualTo(figuresBefore.path("staffed").asInt() + 1);
        assertThat(after.path("requests").asInt()).isEqualTo(figuresBefore.path("requests").asInt() + 1);
        JsonNode met = unmetDemand(after, "KOELN", "prs");
        assertThat(met == null || met.path("requests").asInt() == 0).as("no unmet demand for Dari in Köln: " + after).isTrue();
        assertThat(state.body()).doesNotContain("Farid", "Ahmadi", "Noori", "Ausländerbehörde", farid);

        // the assignment happens: the day comes, the coordinator records it with the minutes it took
        moveTo(tuesday.atTime(12, 0));
        Response tookPlace = api().post("/api/help-requests/" + request + "/assignments/" + faridsAssignment + "/took-place",
                Map.of("day", tuesday.toString(), "minutes", 105), KOELN);
        assertThat(tookPlace.status()).as(tookPlace.toString()).isEqualTo(201);
        String activity = tookPlace.text("activityId");

        JsonNode activities = api().get("/api/volunteers/" + farid + "/activities", KOELN).json();
        assertThat(activities.path("items").findValuesAsText("activityId")).containsExactly(activity);
        JsonNode logged = api().get("/api/centres/" + KOELN_CENTRE + "/activities?volunteerId=" + farid, KOELN).json();
        assertThat(logged.path("totalItems").asLong()).isEqualTo(1);
        assertThat(logged.path("items").get(0).path("minutes").asInt()).isEqualTo(105);
        assertThat(logged.path("items").get(0).path("category").asText()).isEqualTo("ACCOMPANIMENT");
        assertThat(logged.path("items").get(0).path("date").asText()).isEqualTo(tuesday.toString());

        // the volunteer's hours and certificate through the link; anyone with the number can check it
        assertThat(minutes(ownPage(token).path("totals"), tuesday.getYear(), "ACCOMPANIMENT")).isEqualTo(105);
        Response issued = api().post("/api/link/" + token + "/certificates", Map.of(), null);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        Response verified = api().get("/api/certificates/" + issued.text("certificateId"), null);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().path("valid").asBoolean()).isTrue();
        assertThat(verified.json().path("volunteerName").asText()).isEqualTo("Farid Ahmadi");
        assertThat(verified.json().path("centreId").asText()).isEqualTo(KOELN_CENTRE);
        assertThat(minutes(verified.json().path("lines"), tuesday.getYear(), "ACCOMPANIMENT")).isEqualTo(105);
        assertThat(figures().path("everStaffed").asInt()).isEqualTo(figuresBefore.path("everStaffed").asInt() + 1);
    }

    // ---- the rules over HTTP --------------------------------------------------------------------------------------

    @Test
    default void a_coordinator_of_another_centre_can_neither_see_nor_act_on_the_request() {
        String volunteer = register("Oksana Melnyk", List.of("uk"), List.of("ACCOMPANIMENT"));
        String request = open(HelpRequests.once(HelpRequests.next(DayOfWeek.WEDNESDAY, today()), LocalTime.of(14, 0),
                LocalTime.of(16, 0), 90, List.of("uk"), 1));
        String assignment = ask(request, volunteer);

        assertThat(api().get("/api/help-requests/" + request, DUESSELDORF).status()).isIn(403, 404);
        assertThat(api().get("/api/help-requests/" + request + "/matches", DUESSELDORF).status()).isIn(403, 404);
        assertThat(api().post("/api/help-requests/" + request + "/assignments", Map.of("volunteerId", volunteer), DUESSELDORF)
                .status()).isIn(403, 404);
        assertThat(api().post("/api/help-requests/" + request + "/assignments/" + assignment + "/confirmation", Map.of(),
                DUESSELDORF).status()).isIn(403, 404);
        assertThat(api().post("/api/help-requests/" + request + "/cancellation", Map.of("reason", "fremd"), DUESSELDORF)
                .status()).isIn(403, 404);
        assertThat(api().get("/api/centres/" + KOELN_CENTRE + "/help-requests", DUESSELDORF).status()).isEqualTo(403);
        Response dusseldorfsBoard = api().get("/api/centres/" + TestAccounts.DUESSELDORF_CENTRE + "/help-requests", DUESSELDORF);
        assertThat(dusseldorfsBoard.status()).isEqualTo(200);
        assertThat(dusseldorfsBoard.body()).doesNotContain(request);
        // and nothing changed
        JsonNode view = api().get("/api/help-requests/" + request, KOELN).json();
        assertThat(view.path("summary").path("status").asText()).isEqualTo("OPEN");
        assertThat(status(view, assignment)).isEqualTo("ASKED");
    }

    @Test
    default void a_volunteers_link_shows_and_answers_only_for_that_volunteer() {
        String mine = register("Yusuf Demir", List.of("tr"), List.of("ACCOMPANIMENT"));
        String theirs = register("Maryam Saidi", List.of("tr"), List.of("ACCOMPANIMENT"));
        String request = open(HelpRequests.once(HelpRequests.next(DayOfWeek.THURSDAY, today()), LocalTime.of(9, 0),
                LocalTime.of(12, 0), 120, List.of("tr"), 2));
        String myAssignment = ask(request, mine);
        String theirAssignment = ask(request, theirs);
        String myToken = (String) issueLink(mine).get("token");

        JsonNode page = ownPage(myToken);
        assertThat(page.path("volunteerId").asText()).isEqualTo(mine);
        assertThat(page.path("upcoming").findValuesAsText("assignmentId")).containsExactly(myAssignment);
        assertThat(page.toString()).doesNotContain("Maryam", theirs, theirAssignment);

        Response foreign = api().post("/api/link/" + myToken + "/assignments/" + theirAssignment + "/confirmation", Map.of(), null);
        assertThat(foreign.status()).as("another volunteer's assignment through my link: " + foreign).isIn(403, 404);
        Response declined = api().post("/api/link/" + myToken + "/assignments/" + theirAssignment + "/declination",
                Map.of("reason", "nicht meins"), null);
        assertThat(declined.status()).as(declined.toString()).isIn(403, 404);
        assertThat(status(api().get("/api/help-requests/" + request, KOELN).json(), theirAssignment))
                .as("their assignment is untouched").isEqualTo("ASKED");

        // a wrong token names nobody: 404 with a plain German message, never a 500
        Response unknown = api().get("/api/link/" + "A".repeat(43), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).isEqualTo("link.unknown");
        assertThat(unknown.body()).contains("Dieser Link ist ungültig oder abgelaufen.");
        assertThat(api().post("/api/link/" + "B".repeat(43) + "/assignments/" + myAssignment + "/confirmation", Map.of(), null)
                .status()).isEqualTo(404);
        assertThat(status(api().get("/api/help-requests/" + request, KOELN).json(), myAssignment)).isEqualTo("ASKED");
    }

    @Test
    default void the_link_stops_when_revoked_when_a_new_one_is_issued_after_deactivation_and_after_erasure() {
        // revoked
        String revoked = register("Anna Schmitz", List.of("pl"), List.of("EDUCATION"));
        String token = (String) issueLink(revoked).get("token");
        assertThat(api().get("/api/link/" + token, null).status()).isEqualTo(200);
        assertThat(absent(api().get("/api/volunteers/" + revoked + "/link", KOELN).json().path("linkId"))).isFalse();
        ok(api().post("/api/volunteers/" + revoked + "/link/revocation", Map.of(), KOELN));
        assertLinkStopped(token);
        assertThat(absent(api().get("/api/volunteers/" + revoked + "/link", KOELN).json().path("linkId")))
                .as("no working link after revocation").isTrue();

        // replaced by a new one
        String first = (String) issueLink(revoked).get("token");
        String second = (String) issueLink(revoked).get("token");
        assertLinkStopped(first);
        assertThat(api().get("/api/link/" + second, null).status()).isEqualTo(200);

        // deactivated
        String deactivated = register("Tomasz Nowak", List.of("pl"), List.of("EDUCATION"));
        String hisToken = (String) issueLink(deactivated).get("token");
        assertThat(api().get("/api/link/" + hisToken, null).status()).isEqualTo(200);
        ok(api().post("/api/volunteers/" + deactivated + "/deactivation", Map.of(), KOELN));
        assertLinkStopped(hisToken);

        // erased
        String erased = register("Ewa Kowalska", List.of("pl"), List.of("EDUCATION"));
        String herToken = (String) issueLink(erased).get("token");
        assertThat(api().get("/api/link/" + herToken, null).status()).isEqualTo(200);
        ok(api().post("/api/volunteers/" + erased + "/erasure", Map.of("reason", "REQUEST"), KOELN));
        assertLinkStopped(herToken);
    }

    @Test
    default void the_link_stops_after_it_expired() {
        String volunteer = register("Jana Richter", List.of("cs"), List.of("EDUCATION"));
        Map<String, Object> link = issueLink(volunteer);
        String token = (String) link.get("token");
        LocalDate expiresOn = LocalDate.parse((String) link.get("expiresOn"));
        assertThat(expiresOn).isAfter(today());

        moveTo(expiresOn.minusDays(1).atTime(12, 0));
        assertThat(api().get("/api/link/" + token, null).status()).as("the day before it expires the link works").isEqualTo(200);
        moveTo(expiresOn.plusDays(1).atTime(0, 30));
        assertLinkStopped(token);
    }

    @Test
    default void nobody_is_booked_twice_at_overlapping_times_and_an_offer_goes_to_the_first_who_accepts() {
        LocalDate friday = HelpRequests.next(DayOfWeek.FRIDAY, today());
        String volunteer = register("Hamid Karimi", List.of("kmr"), List.of("ACCOMPANIMENT"));
        String morning = open(HelpRequests.once(friday, LocalTime.of(9, 0), LocalTime.of(11, 0), 90, List.of("kmr"), 1));
        String overlapping = open(HelpRequests.once(friday, LocalTime.of(10, 30), LocalTime.of(12, 0), 60, List.of("kmr"), 1));
        String afterwards = open(HelpRequests.once(friday, LocalTime.of(11, 0), LocalTime.of(12, 0), 60, List.of("kmr"), 1));
        ask(morning, volunteer);

        Response booked = api().post("/api/help-requests/" + overlapping + "/assignments", Map.of("volunteerId", volunteer), KOELN);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(409);
        assertThat(booked.text("code")).isEqualTo("assignment.volunteer.booked");
        assertThat(booked.text("detail")).contains("ist zu dieser Zeit schon für einen anderen Einsatz eingeplant.");
        ask(afterwards, volunteer); // touching ends do not overlap

        // an offer to two: the first who accepts takes the one place, the second is told it is taken
        String a = register("Rojin Aydin", List.of("kmr"), List.of("ACCOMPANIMENT"));
        String b = register("Dilan Yildiz", List.of("kmr"), List.of("ACCOMPANIMENT"));
        String offered = open(HelpRequests.once(friday.plusDays(7), LocalTime.of(15, 0), LocalTime.of(17, 0), 90, List.of("kmr"), 1));
        Response offers = api().post("/api/help-requests/" + offered + "/offers", Map.of("volunteerIds", List.of(a, b)), KOELN);
        assertThat(offers.status()).as(offers.toString()).isEqualTo(201);
        String toA = offers.json().path("assignmentIds").path(a).asText();
        String toB = offers.json().path("assignmentIds").path(b).asText();
        ok(api().post("/api/link/" + issueLink(a).get("token") + "/assignments/" + toA + "/confirmation", Map.of(), null));
        Response late = api().post("/api/link/" + issueLink(b).get("token") + "/assignments/" + toB + "/confirmation", Map.of(), null);
        assertThat(late.status()).as("the place is taken: " + late).isEqualTo(409);
        JsonNode view = api().get("/api/help-requests/" + offered, KOELN).json();
        assertThat(view.path("summary").path("status").asText()).isEqualTo("STAFFED");
        assertThat(view.path("summary").path("confirmed").asInt()).as("never beyond the number asked").isEqualTo(1);
    }

    @Test
    default void an_assignment_in_the_past_cannot_be_confirmed_and_a_confirmed_one_is_no_activity_until_it_took_place() {
        LocalDate monday = HelpRequests.next(DayOfWeek.MONDAY, today());
        String volunteer = register("Sara Haile", List.of("ti"), List.of("ACCOMPANIMENT"));
        String late = register("Selam Tesfaye", List.of("ti"), List.of("ACCOMPANIMENT"));
        String request = open(HelpRequests.once(monday, LocalTime.of(10, 0), LocalTime.of(12, 0), 120, List.of("ti"), 2));
        String confirmed = ask(request, volunteer);
        String unanswered = ask(request, late);
        ok(api().post("/api/help-requests/" + request + "/assignments/" + confirmed + "/confirmation", Map.of(), KOELN));
        assertThat(api().get("/api/volunteers/" + volunteer + "/activities", KOELN).json().path("items").size())
                .as("a confirmed assignment that has not taken place is no activity").isZero();
        String token = (String) issueLink(late).get("token");

        moveTo(monday.atTime(13, 0));
        Response tooLate = api().post("/api/link/" + token + "/assignments/" + unanswered + "/confirmation", Map.of(), null);
        assertThat(tooLate.status()).as(tooLate.toString()).isEqualTo(409);
        assertThat(tooLate.text("code")).isEqualTo("assignment.past");
        assertThat(api().get("/api/volunteers/" + volunteer + "/activities", KOELN).json().path("items").size())
                .as("nor after its day, until it is recorded").isZero();
    }

    @Test
    default void a_cancellation_after_confirmation_needs_its_reason_and_keeps_it() {
        String volunteer = register("Nadia Benali", List.of("ar"), List.of("ACCOMPANIMENT"));
        String request = open(HelpRequests.once(HelpRequests.next(DayOfWeek.SATURDAY, today()), LocalTime.of(10, 0),
                LocalTime.of(12, 0), 60, List.of("ar"), 1));
        String assignment = ask(request, volunteer);
        ok(api().post("/api/help-requests/" + request + "/assignments/" + assignment + "/confirmation", Map.of(), KOELN));

        Response withoutReason = api().post("/api/help-requests/" + request + "/assignments/" + assignment + "/cancellation",
                Map.of(), KOELN);
        assertThat(withoutReason.status()).as(withoutReason.toString()).isEqualTo(400);
        assertThat(withoutReason.text("code")).isEqualTo("assignment.cancel.reason-missing");
        assertThat(status(api().get("/api/help-requests/" + request, KOELN).json(), assignment)).isEqualTo("CONFIRMED");

        ok(api().post("/api/help-requests/" + request + "/assignments/" + assignment + "/cancellation",
                Map.of("reason", "Termin wurde vom Amt verschoben"), KOELN));
        JsonNode view = api().get("/api/help-requests/" + request, KOELN).json();
        assertThat(status(view, assignment)).isEqualTo("CANCELLED");
        assertThat(assignmentIn(view, assignment).path("reason").asText()).isEqualTo("Termin wurde vom Amt verschoben");
        assertThat(view.path("summary").path("status").asText()).isEqualTo("OPEN");
    }

    @Test
    default void an_erased_volunteers_assignment_keeps_its_counts_and_minutes_but_nothing_personal() {
        LocalDate wednesday = HelpRequests.next(DayOfWeek.WEDNESDAY, today());
        String volunteer = register("Mehmet Arslan", List.of("az"), List.of("ACCOMPANIMENT"));
        String request = open(HelpRequests.once(wednesday, LocalTime.of(8, 0), LocalTime.of(10, 0), 120, List.of("az"), 1));
        String assignment = ask(request, volunteer);
        ok(api().post("/api/help-requests/" + request + "/assignments/" + assignment + "/confirmation", Map.of(), KOELN));
        moveTo(wednesday.atTime(11, 0));
        Response tookPlace = api().post("/api/help-requests/" + request + "/assignments/" + assignment + "/took-place",
                Map.of("day", wednesday.toString(), "minutes", 110), KOELN);
        assertThat(tookPlace.status()).as(tookPlace.toString()).isEqualTo(201);
        JsonNode dashboardBefore = api().get("/api/centres/" + KOELN_CENTRE + "/dashboard", KOELN).json();
        JsonNode figuresBefore = figures();

        ok(api().post("/api/volunteers/" + volunteer + "/erasure", Map.of("reason", "REQUEST"), KOELN));

        JsonNode view = api().get("/api/help-requests/" + request, KOELN).json();
        JsonNode kept = assignmentIn(view, assignment);
        assertThat(absent(kept.path("volunteerName")))
                .as("no name after erasure: " + kept).isTrue();
        assertThat(kept.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(kept.path("minutes").asInt()).isEqualTo(120);
        assertThat(kept.path("tookPlaceOn").toString()).contains(wednesday.toString());
        assertThat(view.toString()).doesNotContain("Mehmet", "Arslan");
        JsonNode dashboardAfter = api().get("/api/centres/" + KOELN_CENTRE + "/dashboard", KOELN).json();
        assertThat(dashboardAfter.path("minutesThisYear").asLong()).as("the minutes still count")
                .isEqualTo(dashboardBefore.path("minutesThisYear").asLong());
        JsonNode figuresAfter = figures();
        for (String count : List.of("requests", "open", "partlyStaffed", "staffed", "everStaffed")) {
            assertThat(figuresAfter.path(count).asInt()).as(count).isEqualTo(figuresBefore.path(count).asInt());
        }
    }

    @Test
    default void the_requesters_data_and_the_reasons_are_in_no_table_in_plain_text_while_the_centre_reads_them() {
        java.security.SecureRandom random = new java.security.SecureRandom();
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            StringBuilder word = new StringBuilder("qz");
            for (int k = 0; k < 10; k++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            words.add(word.toString());
        }
        Map<String, Object> body = new HashMap<>(HelpRequests.once(HelpRequests.next(DayOfWeek.SUNDAY, today()),
                LocalTime.of(14, 0), LocalTime.of(16, 0), 90, List.of("so"), 2));
        body.put("requesterName", "Familie " + words.get(0));
        body.put("requesterContact", words.get(1) + "@example.org");
        body.put("place", "Wohnheim " + words.get(2));
        body.put("note", "Notiz " + words.get(3));
        String request = open(body);
        String declining = register("Abdi Warsame", List.of("so"), List.of("ACCOMPANIMENT"));
        String cancelled = register("Hodan Farah", List.of("so"), List.of("ACCOMPANIMENT"));
        String declined = ask(request, declining);
        String confirmed = ask(request, cancelled);
        ok(api().post("/api/link/" + issueLink(declining).get("token") + "/assignments/" + declined + "/declination",
                Map.of("reason", "Absage " + words.get(4)), null));
        ok(api().post("/api/help-requests/" + request + "/assignments/" + confirmed + "/confirmation", Map.of(), KOELN));
        ok(api().post("/api/help-requests/" + request + "/assignments/" + confirmed + "/cancellation",
                Map.of("reason", "Storno " + words.get(5)), KOELN));

        // the centre reads every one of them ...
        JsonNode view = api().get("/api/help-requests/" + request, KOELN).json();
        assertThat(view.path("requesterName").asText()).isEqualTo("Familie " + words.get(0));
        assertThat(view.path("requesterContact").asText()).isEqualTo(words.get(1) + "@example.org");
        assertThat(view.path("place").asText()).isEqualTo("Wohnheim " + words.get(2));
        assertThat(view.path("note").asText()).isEqualTo("Notiz " + words.get(3));
        assertThat(assignmentIn(view, declined).path("reason").asText()).isEqualTo("Absage " + words.get(4));
        assertThat(assignmentIn(view, confirmed).path("reason").asText()).isEqualTo("Storno " + words.get(5));
        // ... no table holds any of them in plain text (events, lookup tables and read models: ADR 2, 21, 22) ...
        assertThat(RawTables.scan(jdbc(), List.of(request)).hits()).as("the scanner sees the request's rows").isNotEmpty();
        assertThat(RawTables.scan(jdbc(), words).hits()).as("plain personal data of a request in a table").isEmpty();
        // ... and the ministry never sees them
        Response state = api().get("/api/state/coordination", MINISTRY);
        assertThat(state.body()).doesNotContain(words.toArray(String[]::new));
    }

    @Test
    default void a_rebuild_of_the_read_models_gives_the_same_board_requests_assignments_pages_and_figures() {
        LocalDate day = HelpRequests.next(DayOfWeek.SATURDAY, today()).plusWeeks(1);
        String asked = register("Ilona Varga", List.of("hu"), List.of("LEISURE_AND_SPORT"));
        String confirming = register("Bence Nagy", List.of("hu"), List.of("LEISURE_AND_SPORT"));
        ok(api().put("/api/volunteers/" + confirming + "/availability", HelpRequests.availability("SATURDAY:AFTERNOON"), KOELN));
        String request = open(HelpRequests.once(day, LocalTime.of(14, 0), LocalTime.of(17, 0), 150, List.of("hu"), 2));
        String cancelled = open(HelpRequests.once(day.plusDays(1), LocalTime.of(10, 0), LocalTime.of(12, 0), 60, List.of("hu"), 1));
        String declined = ask(request, asked);
        String kept = ask(request, confirming);
        ask(cancelled, asked);
        ok(api().post("/api/help-requests/" + request + "/assignments/" + declined + "/declination", Map.of("reason", "krank"), KOELN));
        String token = (String) issueLink(confirming).get("token");
        ok(api().post("/api/link/" + token + "/assignments/" + kept + "/confirmation", Map.of(), null));
        ok(api().post("/api/help-requests/" + cancelled + "/cancellation", Map.of("reason", "Veranstaltung fällt aus"), KOELN));
        String offered = register("Zsofia Kiss", List.of("hu"), List.of("LEISURE_AND_SPORT"));
        Response offers = api().post("/api/help-requests/" + request + "/offers", Map.of("volunteerIds", List.of(offered)), KOELN);
        assertThat(offers.status()).as(offers.toString()).isEqualTo(201);

        Map<String, String> before = coordinationAnswers(request, cancelled, confirming, token, day);
        Response rebuild = api().post("/api/admin/read-models/rebuild", Map.of(), nrw.komman.app.support.TestAccounts.ADMIN);
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(202);
        nrw.komman.app.support.ReadModels.awaitCaughtUp(api(), Duration.ofMinutes(5));
        Map<String, String> after = coordinationAnswers(request, cancelled, confirming, token, day);

        assertThat(after).isEqualTo(before);
    }

    @Test
    default void bad_input_is_refused_with_a_plain_german_message_and_nothing_is_recorded() {
        LocalDate day = HelpRequests.next(DayOfWeek.THURSDAY, today()).plusWeeks(2);
        Map<String, Object> good = HelpRequests.once(day, LocalTime.of(9, 0), LocalTime.of(11, 0), 60, List.of("sq"), 1);
        int before = board().size();
        Map<String, Map<String, Object>> bad = new java.util.LinkedHashMap<>();
        bad.put("schedule.end.before-start", withValue(good, "schedule", HelpRequests.schedule(day, day, java.util.Set.of(),
                LocalTime.of(11, 0), LocalTime.of(9, 0))));
        bad.put("volunteersNeeded.out-of-range", withValue(good, "volunteersNeeded", 0));
        bad.put("languages.unknown", withValue(good, "languages", List.of("klingonisch")));
        bad.put("minutes.beyond-span", withValue(good, "minutes", 180));
        bad.put("grantId", withValue(good, "grantId", "1-2-3-4-5"));
        bad.put("municipality", withValue(good, "municipality", " "));
        for (Map.Entry<String, Map<String, Object>> refused : bad.entrySet()) {
            Response r = api().post("/api/centres/" + KOELN_CENTRE + "/help-requests", refused.getValue(), KOELN);
            assertThat(r.status()).as(refused.getKey() + ": " + r).isEqualTo(400);
            assertThat(r.text("code") + " " + r.json().path("errors").toString()).as(r.toString()).contains(refused.getKey());
            assertThat(r.text("detail")).as(r.toString()).isNotBlank().doesNotContain("Exception", "null");
        }
        assertThat(board()).as("nothing was recorded").hasSize(before);

        String request = open(good);
        for (String malformed : List.of("not-a-uuid", "1-2-3-4-5")) {
            assertThat(api().get("/api/help-requests/" + malformed, KOELN).status()).as(malformed).isEqualTo(400);
            assertThat(api().post("/api/help-requests/" + request + "/assignments", Map.of("volunteerId", malformed), KOELN).status())
                    .as(malformed).isEqualTo(400);
            assertThat(api().post("/api/help-requests/" + request + "/assignments/" + malformed + "/confirmation", Map.of(), KOELN)
                    .status()).as(malformed).isEqualTo(400);
            assertThat(api().get("/api/certificates/" + malformed, null).status()).as(malformed).isEqualTo(400);
        }
        assertThat(api().get("/api/help-requests/" + UUID.randomUUID(), KOELN).status()).isEqualTo(404);
        assertThat(api().post("/api/help-requests/" + request + "/assignments", Map.of("volunteerId", UUID.randomUUID().toString()),
                KOELN).status()).isIn(404, 409);
        Response unknownCertificate = api().get("/api/certificates/" + UUID.randomUUID(), null);
        assertThat(unknownCertificate.status()).isEqualTo(404);
        assertThat(unknownCertificate.text("detail")).isNotBlank();
        assertThat(api().get("/api/help-requests/" + request, KOELN).json().path("assignments").size()).isZero();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private LocalDate today() {
        return LocalDate.now(clock());
    }

    /** Moves the platform's clock to the given local time in NRW (and every later request with it). */
    private void moveTo(java.time.LocalDateTime when) {
        Instant target = when.atZone(NRW).toInstant();
        clock().shift(Duration.between(Instant.now(), target));
    }

    private String register(String name, List<String> languages, List<String> interests) {
        Map<String, Object> body = new HashMap<>(volunteer(name, name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID()
                + "@example.org"));
        body.put("languages", languages);
        body.put("interests", interests);
        Response r = api().post("/api/centres/" + KOELN_CENTRE + "/volunteers", body, KOELN);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("volunteerId");
    }

    private String open(Map<String, Object> body) {
        Response r = api().post("/api/centres/" + KOELN_CENTRE + "/help-requests", body, KOELN);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.text("requestId");
        assertThat(r.location()).endsWith("/api/help-requests/" + id);
        return id;
    }

    private String ask(String request, String volunteer) {
        Response r = api().post("/api/help-requests/" + request + "/assignments", Map.of("volunteerId", volunteer), KOELN);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("assignmentId");
    }

    private Map<String, Object> issueLink(String volunteer) {
        Response r = api().post("/api/volunteers/" + volunteer + "/link", Map.of(), KOELN);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        Map<String, Object> link = new HashMap<>();
        r.json().fields().forEachRemaining(f -> link.put(f.getKey(), f.getValue().asText()));
        assertThat((String) link.get("token")).as("an unguessable token that names nothing").hasSizeGreaterThanOrEqualTo(22)
                .doesNotContain(volunteer);
        return link;
    }

    private JsonNode ownPage(String token) {
        Response r = api().get("/api/link/" + token, null);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private void assertLinkStopped(String token) {
        Response r = api().get("/api/link/" + token, null);
        assertThat(r.status()).as("a stopped link: " + r).isEqualTo(404);
        assertThat(r.text("code")).isEqualTo("link.unknown");
        assertThat(api().post("/api/link/" + token + "/certificates", Map.of(), null).status()).isEqualTo(404);
        assertThat(api().download("/api/link/" + token + "/calendar.ics", null).status()).isEqualTo(404);
    }

    private List<String> board() {
        Response r = api().get("/api/centres/" + KOELN_CENTRE + "/help-requests", KOELN);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("requests").findValuesAsText("requestId");
    }

    private JsonNode figures() {
        Response r = api().get("/api/state/coordination", MINISTRY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** What the coordination read models answer, as JSON text (the matches in the order of their volunteers' ids). */
    private Map<String, String> coordinationAnswers(String request, String cancelled, String volunteer, String token, LocalDate day) {
        Map<String, String> answers = new java.util.TreeMap<>();
        for (String path : List.of("/api/help-requests/" + request, "/api/help-requests/" + cancelled,
                "/api/centres/" + KOELN_CENTRE + "/help-requests",
                "/api/centres/" + KOELN_CENTRE + "/help-requests?status=CANCELLED&status=OPEN&status=STAFFED&status=PARTLY_STAFFED",
                "/api/volunteers/" + volunteer + "/assignments", "/api/volunteers/" + volunteer + "/assignments?upcoming=true",
                "/api/centres/" + KOELN_CENTRE + "/assignments?from=" + today() + "&to=" + day.plusDays(7),
                "/api/volunteers/" + volunteer + "/link")) {
            Response r = api().get(path, KOELN);
            assertThat(r.status()).as(path + ": " + r).isEqualTo(200);
            answers.put(path, canonical(r.json()));
        }
        Response page = api().get("/api/link/" + token, null);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        answers.put("own page", canonical(page.json()));
        answers.put("figures", canonical(figures()));
        Response matches = api().get("/api/help-requests/" + request + "/matches?limit=100", KOELN);
        assertThat(matches.status()).as(matches.toString()).isEqualTo(200);
        List<String> ranked = new ArrayList<>();
        matches.json().path("matches").forEach(m -> ranked.add(canonical(m)));
        java.util.Collections.sort(ranked);
        answers.put("matches", ranked.toString());
        return answers;
    }

    /** JSON text with every array's elements in a fixed order: a rebuild need not keep the order of equal rows. */
    private static String canonical(JsonNode node) {
        if (node.isArray()) {
            List<String> elements = new ArrayList<>();
            node.forEach(e -> elements.add(canonical(e)));
            java.util.Collections.sort(elements);
            return elements.toString();
        }
        if (node.isObject()) {
            Map<String, String> fields = new java.util.TreeMap<>();
            node.fields().forEachRemaining(f -> fields.put(f.getKey(), canonical(f.getValue())));
            return fields.toString();
        }
        return node.toString();
    }

    private static JsonNode unmetDemand(JsonNode figures, String regierungsbezirk, String language) {
        for (JsonNode d : figures.path("unmetDemand")) {
            if (d.path("regierungsbezirk").asText().equals(regierungsbezirk) && d.path("language").asText().equals(language)) {
                return d;
            }
        }
        return null;
    }

    private static List<String> reasons(JsonNode match) {
        List<String> reasons = new ArrayList<>();
        match.path("reasons").forEach(r -> reasons.add(r.path("code").asText() + ":" + r.path("detail").asText()));
        return reasons;
    }

    private static int rank(JsonNode matches, String volunteer) {
        List<String> ids = matches.path("matches").findValuesAsText("volunteerId");
        int rank = ids.indexOf(volunteer);
        assertThat(rank).as(volunteer + " among the matches " + ids).isNotNegative();
        return rank;
    }

    private static JsonNode assignmentIn(JsonNode view, String assignment) {
        for (JsonNode a : view.path("assignments")) {
            if (a.path("assignmentId").asText().equals(assignment)) {
                return a;
            }
        }
        throw new AssertionError("assignment " + assignment + " not in " + view);
    }

    private static String status(JsonNode view, String assignment) {
        return assignmentIn(view, assignment).path("status").asText();
    }

    private static long minutes(JsonNode lines, int year, String category) {
        long sum = 0;
        for (JsonNode line : lines) {
            if (line.path("year").asInt() == year && line.path("category").asText().equals(category)) {
                sum += line.path("minutes").asLong();
            }
        }
        return sum;
    }

    private static Map<String, Object> withValue(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }

    private static boolean absent(JsonNode value) {
        return value.isNull() || value.isMissingNode();
    }

    private static void ok(Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
    }
}
