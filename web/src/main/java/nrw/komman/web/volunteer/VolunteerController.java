package nrw.komman.web.volunteer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.DeactivateVolunteerCommand;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.FindVolunteersQuery;
import nrw.komman.kernel.volunteer.ReactivateVolunteerCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerPage;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.web.platform.problem.InvalidFieldException;
import nrw.komman.web.platform.security.CentreAccess;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Responses;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/** Volunteers of a centre: for that centre's coordinators only (names and contact data). */
@RestController
@Tag(name = "Volunteers", description = "Registering and managing a centre's volunteers (coordinators of that centre)")
class VolunteerController {

    static final int MAX_SEARCH = 200;

    private final CommandDispatcher commands;
    private final QueryDispatcher queries;

    VolunteerController(CommandDispatcher commands, QueryDispatcher queries) {
        this.commands = commands;
        this.queries = queries;
    }

    public record VolunteerCreated(VolunteerId volunteerId) {
    }

    @PostMapping(path = "/api/centres/{centreId}/volunteers", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Register a volunteer with the centre")
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<VolunteerCreated> register(@PathVariable String centreId,
                                                     @Valid @RequestBody RegisterVolunteerRequest request) {
        CentreId centre = Ids.centre("centreId", centreId);
        CentreAccess.requireOwnCentre(centre);
        VolunteerId id = VolunteerId.random();
        commands.sendAndAwait(request.toCommand(id, centre), id);
        return Responses.created("/api/volunteers/{volunteerId}", new VolunteerCreated(id), id);
    }

    @GetMapping(path = "/api/centres/{centreId}/volunteers", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The centre's volunteer roster, filtered and paged",
            description = "search matches name, e-mail or phone; language is an ISO 639-1 code, or ISO 639-3 where a language has no ISO 639-1 code (e.g. prs Dari)")
    public VolunteerPage roster(@PathVariable String centreId,
                                @RequestParam(required = false) VolunteerStatus status,
                                @RequestParam(required = false) String language,
                                @RequestParam(required = false) ActivityCategory interest,
                                @RequestParam(required = false) String search,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        CentreId centre = Ids.centre("centreId", centreId);
        CentreAccess.requireOwnCentre(centre);
        if (language != null && language.strip().length() > 3) {
            throw new InvalidFieldException("language", "language.malformed",
                    "Eine Sprache wird als Code nach ISO 639-1 angegeben (z. B. ar, fa, uk) oder, wo es keinen gibt, nach ISO 639-3 (z. B. prs für Dari).");
        }
        if (search != null && search.length() > MAX_SEARCH) {
            throw new InvalidFieldException("search", "search.too-long",
                    "Der Suchbegriff ist zu lang (höchstens " + MAX_SEARCH + " Zeichen).");
        }
        return queries.one(new FindVolunteersQuery(centre, status, blankToNull(language, true), interest,
                        blankToNull(search, false), page, size),
                VolunteerPage.class, "centre.not-found", "Das Integrationszentrum " + centre + " gibt es nicht.");
    }

    @GetMapping(path = "/api/volunteers/{volunteerId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One volunteer with personal data")
    public VolunteerView volunteer(@PathVariable String volunteerId) {
        return find(Ids.volunteer("volunteerId", volunteerId));
    }

    @PutMapping(path = "/api/volunteers/{volunteerId}/profile", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a volunteer's profile")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> updateProfile(@PathVariable String volunteerId,
                                              @Valid @RequestBody UpdateVolunteerProfileRequest request) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        commands.sendAndAwait(request.toCommand(id), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/volunteers/{volunteerId}/deactivation")
    @Operation(summary = "Deactivate a volunteer (data kept)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> deactivate(@PathVariable String volunteerId) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        commands.sendAndAwait(new DeactivateVolunteerCommand(id), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/volunteers/{volunteerId}/reactivation")
    @Operation(summary = "Reactivate a deactivated volunteer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public ResponseEntity<Void> reactivate(@PathVariable String volunteerId) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        commands.sendAndAwait(new ReactivateVolunteerCommand(id), id);
        return ResponseEntity.noContent().build();
    }

    /** The volunteer as the read model knows them; the query side checks the centre too. */
    private VolunteerView find(VolunteerId id) {
        VolunteerView view = queries.one(new FindVolunteerQuery(id), VolunteerView.class, "volunteer.not-found",
                "Unter der Kennung " + id + " ist niemand registriert.");
        CentreAccess.requireOwnCentre(view.centreId());
        return view;
    }

    private static String blankToNull(String value, boolean lowerCase) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return lowerCase ? value.strip().toLowerCase(Locale.ROOT) : value.strip();
    }
}
