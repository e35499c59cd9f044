package nrw.komman.web.coordination;

import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.AssignmentView;
import nrw.komman.kernel.coordination.FetchVolunteerOwnPageQuery;
import nrw.komman.kernel.coordination.FindVolunteerAssignmentsQuery;
import nrw.komman.kernel.coordination.VolunteerAssignments;
import nrw.komman.kernel.coordination.VolunteerOwnPage;
import nrw.komman.web.platform.Ids;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** What the holder of a link reads, always as the volunteer themselves. */
@Component
class PersonalLinkAssignments {

    private final PersonalLinkAccess access;

    PersonalLinkAssignments(PersonalLinkAccess access) {
        this.access = access;
    }

    /** The volunteer's own page; gone (deactivated, erased meanwhile) reads as an unknown link. */
    VolunteerOwnPage ownPage(PersonalLinkAccess.Holder holder) {
        return access.ask(holder.actor(), new FetchVolunteerOwnPageQuery(holder.link().volunteerId()), VolunteerOwnPage.class)
                .orElseThrow(PersonalLinkAccess::unknown);
    }

    /** Every assignment of the volunteer (also past and cancelled ones), for the calendar and for answers. */
    List<AssignmentView> all(PersonalLinkAccess.Holder holder) {
        return access.ask(holder.actor(), new FindVolunteerAssignmentsQuery(holder.link().volunteerId(), false),
                        VolunteerAssignments.class)
                .map(VolunteerAssignments::assignments).orElse(List.of());
    }

    /**
     * One of the volunteer's own assignments, which the command needs with its request. Another volunteer's is not
     * found: the link shows only its holder's data.
     */
    AssignmentView own(PersonalLinkAccess.Holder holder, String assignmentId) {
        AssignmentId id = Ids.parse("assignmentId", assignmentId, AssignmentId::parse);
        Optional<AssignmentView> upcoming = ownPage(holder).upcoming().stream().filter(a -> a.assignmentId().equals(id)).findFirst();
        return upcoming.or(() -> all(holder).stream().filter(a -> a.assignmentId().equals(id)).findFirst())
                .filter(a -> a.volunteerId().equals(holder.link().volunteerId()))
                .orElseThrow(() -> new NotFoundException("assignment.not-found", "Diesen Einsatz gibt es hier nicht."));
    }
}
