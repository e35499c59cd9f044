package nrw.komman.web.coordination;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nrw.komman.kernel.coordination.FetchVolunteerLinkStatusQuery;
import nrw.komman.kernel.coordination.VolunteerLinkStatus;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Responses;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A coordinator issues, reads and revokes a volunteer's personal link. The token is in the answer to the issue only:
 * the platform keeps its hash, so nobody can read it again later (a new link replaces a lost one).
 */
@RestController
@Tag(name = "Volunteer links", description = "The volunteer's personal link to their own page (coordinators of their centre)")
class VolunteerLinkController {

    private final VolunteerLinkIssuing links;
    private final QueryDispatcher queries;

    VolunteerLinkController(VolunteerLinkIssuing links, QueryDispatcher queries) {
        this.links = links;
        this.queries = queries;
    }

    @PostMapping(path = "/api/volunteers/{volunteerId}/link", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issue a new personal link (an earlier one stops working); the token is shown only in this answer")
    public ResponseEntity<VolunteerLinkIssuing.IssuedLink> issue(@PathVariable String volunteerId) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        VolunteerLinkIssuing.IssuedLink issued = links.issue(id);
        ResponseEntity<VolunteerLinkIssuing.IssuedLink> created = Responses.created("/api/volunteers/{volunteerId}/link", issued, id);
        return ResponseEntity.status(HttpStatus.CREATED).headers(created.getHeaders())
                .cacheControl(CacheControl.noStore()).body(issued);
    }

    @GetMapping(path = "/api/volunteers/{volunteerId}/link", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Whether the volunteer has a working link, and until when (never the token)")
    public VolunteerLinkStatus status(@PathVariable String volunteerId) {
        VolunteerId id = Ids.volunteer("volunteerId", volunteerId);
        return queries.optional(new FetchVolunteerLinkStatusQuery(id), VolunteerLinkStatus.class)
                .orElse(new VolunteerLinkStatus(id, null, null));
    }

    @PostMapping("/api/volunteers/{volunteerId}/link/revocation")
    @Operation(summary = "Revoke the volunteer's link: it stops working at once")
    public ResponseEntity<Void> revoke(@PathVariable String volunteerId) {
        links.revoke(Ids.volunteer("volunteerId", volunteerId));
        return ResponseEntity.noContent().build();
    }
}
