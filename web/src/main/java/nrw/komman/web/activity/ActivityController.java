package nrw.komman.web.activity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityPage;
import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.activity.CentreDashboard;
import nrw.komman.kernel.activity.FetchCentreDashboardQuery;
import nrw.komman.kernel.activity.FindActivitiesQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.web.platform.problem.InvalidFieldException;
import nrw.komman.web.platform.security.CentreAccess;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Responses;
import nrw.komman.web.platform.Today;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/**
 * Activities (Einsätze) of volunteers: logged, corrected and withdrawn as new facts. Activities are
 * part of the volunteer aggregate, so read-your-writes waits for the volunteer's events.
 */
@RestController
@Tag(name = "Activities", description = "Logging volunteers' activities and the centre's activity log (coordinators of that centre)")
class ActivityController {

    private final CommandDispatcher commands;
    private final QueryDispatcher queries;
    private final Today today;

    ActivityController(CommandDispatcher commands, QueryDispatcher queries, Today today) {
        this.commands = commands;
        this.queries = queries;
        this.today = today;
    }

    public record ActivityCreated(ActivityId activityId, VolunteerId volunteerId) {
    }

    @PostMapping(path = "/api/volunteers/{volunteerId}/activities", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Log an activity of the volunteer")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<ActivityCreated> log(@PathVariable String volunteerId, @Valid @RequestBody LogActivityRequest request) {
        VolunteerId volunteer = Ids.volunteer("volunteerId", volunteerId);
        ActivityId activity = ActivityId.random();
        commands.sendAndAwait(request.toCommand(volunteer, activity), volunteer);
        return Responses.created("/api/volunteers/{volunteerId}/activities/{activityId}",
                new ActivityCreated(activity, volunteer), volunteer, activity);
    }

    @PostMapping(path = "/api/volunteers/{volunteerId}/activities/{activityId}/correction",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Correct a logged activity (a new fact; the old one stays in the history)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> correct(@PathVariable String volunteerId, @PathVariable String activityId,
                                        @Valid @RequestBody CorrectActivityRequest request) {
        VolunteerId volunteer = Ids.volunteer("volunteerId", volunteerId);
        commands.sendAndAwait(request.toCommand(volunteer, Ids.activity("activityId", activityId)), volunteer);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/volunteers/{volunteerId}/activities/{activityId}/withdrawal",
            consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw an activity logged by mistake")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> withdraw(@PathVariable String volunteerId, @PathVariable String activityId,
                                         @Valid @RequestBody WithdrawActivityRequest request) {
        VolunteerId volunteer = Ids.volunteer("volunteerId", volunteerId);
        commands.sendAndAwait(request.toCommand(volunteer, Ids.activity("activityId", activityId)), volunteer);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/api/centres/{centreId}/activities", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The centre's activity log, newest first, filtered and paged")
    public ActivityPage activityLog(@PathVariable String centreId,
                                    @RequestParam(required = false) String volunteerId,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                    @RequestParam(required = false) ActivityCategory category,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        CentreId centre = Ids.centre("centreId", centreId);
        CentreAccess.requireOwnCentre(centre);
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidFieldException("from", "period.reversed", "Der Beginn des Zeitraums liegt nach seinem Ende.");
        }
        return queries.one(new FindActivitiesQuery(centre, Ids.optionalVolunteer("volunteerId", volunteerId),
                        from, to, category, page, size),
                ActivityPage.class, "centre.not-found", "Das Integrationszentrum " + centre + " gibt es nicht.");
    }

    @GetMapping(path = "/api/centres/{centreId}/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The centre at a glance: volunteers, this year's and this month's activities and minutes "
            + "(by month and category), the newest entries of the log; as of today unless asOf names another day")
    public CentreDashboard dashboard(@PathVariable String centreId,
                                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        CentreId centre = Ids.centre("centreId", centreId);
        CentreAccess.requireOwnCentre(centre);
        return queries.one(new FetchCentreDashboardQuery(centre, asOf == null ? today.date() : asOf), CentreDashboard.class,
                "centre.not-found", "Das Integrationszentrum " + centre + " gibt es nicht.");
    }

    @GetMapping(path = "/api/volunteers/{volunteerId}/activities", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The volunteer's activities, newest first, paged")
    public ActivityPage activitiesOf(@PathVariable String volunteerId,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        VolunteerView volunteer = volunteer(Ids.volunteer("volunteerId", volunteerId));
        return queries.one(new FindActivitiesQuery(volunteer.centreId(), volunteer.volunteerId(), null, null, null, page, size),
                ActivityPage.class, "volunteer.not-found", "Unter der Kennung " + volunteerId + " ist niemand registriert.");
    }

    @GetMapping(path = "/api/volunteers/{volunteerId}/activities/{activityId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One activity of the volunteer (the Location of a logged activity)")
    public ActivityView activity(@PathVariable String volunteerId, @PathVariable String activityId) {
        VolunteerView volunteer = volunteer(Ids.volunteer("volunteerId", volunteerId));
        ActivityId wanted = Ids.activity("activityId", activityId);
        int size = FindActivitiesQuery.MAX_SIZE;
        for (int page = 0; ; page++) {
            ActivityPage found = queries.one(new FindActivitiesQuery(volunteer.centreId(), volunteer.volunteerId(),
                    null, null, null, page, size), ActivityPage.class, "activity.not-found", "Diesen Einsatz gibt es nicht.");
            for (ActivityView item : found.items()) {
                if (item.activityId().equals(wanted)) {
                    return item;
                }
            }
            if (found.items().isEmpty() || (long) (page + 1) * size >= found.totalItems()) {
                throw new NotFoundException("activity.not-found", "Diesen Einsatz gibt es nicht.");
            }
        }
    }

    private VolunteerView volunteer(VolunteerId id) {
        VolunteerView view = queries.one(new FindVolunteerQuery(id), VolunteerView.class, "volunteer.not-found",
                "Unter der Kennung " + id + " ist niemand registriert.");
        CentreAccess.requireOwnCentre(view.centreId());
        return view;
    }
}
