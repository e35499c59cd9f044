package nrw.komman.query.coordination;

import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.CertificateId;
import nrw.komman.kernel.coordination.CertificateLine;
import nrw.komman.kernel.coordination.FetchCoordinationFiguresQuery;
import nrw.komman.kernel.coordination.FetchVolunteerLinkStatusQuery;
import nrw.komman.kernel.coordination.FetchVolunteerOwnPageQuery;
import nrw.komman.kernel.coordination.FindCentreAssignmentsQuery;
import nrw.komman.kernel.coordination.FindHelpRequestQuery;
import nrw.komman.kernel.coordination.FindHelpRequestsQuery;
import nrw.komman.kernel.coordination.FindVolunteerAssignmentsQuery;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.MatchVolunteersQuery;
import nrw.komman.kernel.coordination.ResolveVolunteerLinkQuery;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.coordination.VerifyCertificateQuery;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.support.ReadSide;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static nrw.komman.kernel.activity.ActivityCategory.ACCOMPANIMENT;
import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may ask each coordination query, one role at a time; each fails when its rule is broken. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CoordinationAuthorizationTest {

    private static final String TOKEN_HASH = "c".repeat(64);
    private static final Schedule TUESDAY = Schedule.once(LocalDate.of(2025, 7, 1), LocalTime.of(9, 0), LocalTime.of(12, 0));
    private static final List<Actor> NOT_COORDINATORS = List.of(GRANT_OFFICER, MINISTRY, AUDITOR, ADMINISTRATOR, Actor.PERSONAL_LINK);

    private final ReadSide readSide = new ReadSide();
    private VolunteerId amira;
    private VolunteerId deniz;
    private HelpRequestId request;
    private CertificateId certificate;
    private Actor amiraHerself;

    @BeforeEach
    void given_a_request_a_link_and_a_certificate_in_koeln() {
        readSide.establishSomeCentres();
        amira = readSide.register(KOELN, "Amira Haddad", "amira@example.org", Set.of("fa"), Set.of(), LocalDate.of(2024, 1, 1));
        deniz = readSide.register(DUESSELDORF, "Deniz Yilmaz", "deniz@example.org", Set.of("tr"), Set.of(), LocalDate.of(2024, 1, 1));
        request = readSide.openRequest(KOELN, ACCOMPANIMENT, Set.of("fa"), TUESDAY, 1, "Familie K.", "Ausländerbehörde");
        AssignmentId asked = readSide.ask(request, amira, KOELN, TUESDAY);
        readSide.issueLink(amira, KOELN, TOKEN_HASH, LocalDate.of(2025, 12, 31));
        certificate = readSide.issueCertificate(amira, KOELN, LocalDate.of(2025, 6, 1), List.of(new CertificateLine(2025, ACCOMPANIMENT, 60)));
        amiraHerself = Actor.volunteer(amira.value(), KOELN);
        assertThat(asked).isNotNull();
    }

    /** The queries a centre's coordinators ask about their own centre, by name. */
    private Map<String, Function<Actor, Object>> centreQueries() {
        return Map.of(
                "board", a -> readSide.helpRequests.handle(new FindHelpRequestsQuery(KOELN, null, null), as(a)),
                "request", a -> readSide.helpRequests.handle(new FindHelpRequestQuery(request), as(a)),
                "matches", a -> readSide.matching.handle(new MatchVolunteersQuery(request, 20), as(a)),
                "volunteer's assignments", a -> readSide.helpRequests.handle(new FindVolunteerAssignmentsQuery(amira, false), as(a)),
                "calendar", a -> readSide.helpRequests.handle(new FindCentreAssignmentsQuery(KOELN, LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 12, 31)), as(a)),
                "link status", a -> readSide.links.handle(new FetchVolunteerLinkStatusQuery(amira), as(a)));
    }

    @Test
    void the_centres_coordinators_ask_every_centre_query() {
        centreQueries().forEach((name, query) ->
                assertThatCode(() -> query.apply(COORDINATOR_KOELN)).as(name).doesNotThrowAnyException());
    }

    @Test
    void a_coordinator_of_another_centre_is_refused_every_centre_query() {
        centreQueries().forEach((name, query) ->
                assertThatThrownBy(() -> query.apply(COORDINATOR_DUESSELDORF)).as(name).isInstanceOf(ForbiddenException.class));
    }

    @Test
    void ministry_grant_officers_auditors_administrators_and_link_holders_are_refused_every_centre_query() {
        for (Actor actor : NOT_COORDINATORS) {
            centreQueries().forEach((name, query) ->
                    assertThatThrownBy(() -> query.apply(actor)).as(name + " as " + actor.role()).isInstanceOf(ForbiddenException.class));
        }
    }

    @Test
    void a_volunteer_reads_their_own_assignments_and_page_but_nobody_elses_and_no_centre_query() {
        assertThatCode(() -> readSide.helpRequests.handle(new FindVolunteerAssignmentsQuery(amira, true), as(amiraHerself)))
                .doesNotThrowAnyException();
        assertThat(readSide.links.handle(new FetchVolunteerOwnPageQuery(amira), as(amiraHerself)).name()).isEqualTo("Amira Haddad");
        Actor denizHimself = Actor.volunteer(deniz.value(), DUESSELDORF);
        assertThatThrownBy(() -> readSide.helpRequests.handle(new FindVolunteerAssignmentsQuery(amira, true), as(denizHimself)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> readSide.links.handle(new FetchVolunteerOwnPageQuery(amira), as(denizHimself)))
                .isInstanceOf(ForbiddenException.class);
        // another volunteer who claims Amira's centre is still not Amira
        assertThatThrownBy(() -> readSide.links.handle(new FetchVolunteerOwnPageQuery(amira), as(Actor.volunteer(deniz.value(), KOELN))))
                .isInstanceOf(ForbiddenException.class);
        centreQueries().forEach((name, query) -> {
            if (!name.equals("volunteer's assignments")) { // her own, allowed above
                assertThatThrownBy(() -> query.apply(amiraHerself)).as(name).isInstanceOf(ForbiddenException.class);
            }
        });
    }

    @Test
    void the_own_page_is_the_volunteers_only_not_their_coordinators_nor_anyone_elses() {
        for (Actor actor : List.of(COORDINATOR_KOELN, MINISTRY, AUDITOR, GRANT_OFFICER, ADMINISTRATOR, Actor.PERSONAL_LINK)) {
            assertThatThrownBy(() -> readSide.links.handle(new FetchVolunteerOwnPageQuery(amira), as(actor)))
                    .as("%s", actor.role()).isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    void only_the_link_holder_resolves_a_link() {
        assertThat(readSide.links.handle(new ResolveVolunteerLinkQuery(TOKEN_HASH), as(Actor.PERSONAL_LINK)).volunteerId()).isEqualTo(amira);
        for (Actor actor : List.of(COORDINATOR_KOELN, MINISTRY, AUDITOR, GRANT_OFFICER, ADMINISTRATOR)) {
            assertThatThrownBy(() -> readSide.links.handle(new ResolveVolunteerLinkQuery(TOKEN_HASH), as(actor)))
                    .as("%s", actor.role()).isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    void whoever_holds_a_certificates_number_checks_it_through_the_link_actor_and_staff_accounts_do_not() {
        assertThat(readSide.links.handle(new VerifyCertificateQuery(certificate), as(Actor.PERSONAL_LINK)).valid()).isTrue();
        for (Actor actor : List.of(COORDINATOR_KOELN, MINISTRY, AUDITOR)) {
            assertThatThrownBy(() -> readSide.links.handle(new VerifyCertificateQuery(certificate), as(actor)))
                    .as("%s", actor.role()).isInstanceOf(ForbiddenException.class);
        }
        assertThatThrownBy(() -> readSide.links.handle(new VerifyCertificateQuery(CertificateId.random()), as(Actor.PERSONAL_LINK)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_coordination_figures_are_for_ministry_grant_officers_and_auditors_only() {
        for (Actor actor : List.of(MINISTRY, GRANT_OFFICER, AUDITOR)) {
            assertThatCode(() -> readSide.coordinationFigures.handle(new FetchCoordinationFiguresQuery(null), as(actor)))
                    .doesNotThrowAnyException();
        }
        for (Actor actor : List.of(COORDINATOR_KOELN, ADMINISTRATOR, Actor.PERSONAL_LINK, amiraHerself)) {
            assertThatThrownBy(() -> readSide.coordinationFigures.handle(new FetchCoordinationFiguresQuery(null), as(actor)))
                    .as("%s", actor.role()).isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    void a_query_without_an_actor_is_refused() {
        Executable none = () -> readSide.helpRequests.handle(new FindHelpRequestsQuery(KOELN, null, null),
                org.axonframework.messaging.MetaData.emptyInstance());
        assertThatThrownBy(none::execute).isInstanceOf(ForbiddenException.class);
    }
}
