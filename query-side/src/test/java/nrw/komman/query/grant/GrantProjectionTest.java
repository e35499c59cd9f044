package nrw.komman.query.grant;

import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.grant.FetchGrantHistoryQuery;
import nrw.komman.kernel.grant.FindGrantQuery;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantHistoryEntry;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.query.support.ReadSide;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GrantProjectionTest {

    private final ReadSide readSide = new ReadSide();

    @BeforeEach
    void given_some_centres() {
        readSide.establishSomeCentres();
    }

    private GrantView grant(GrantId id) {
        return readSide.grants.handle(new FindGrantQuery(id), as(GRANT_OFFICER));
    }

    private GrantHistory history(GrantId id) {
        return readSide.grants.handle(new FetchGrantHistoryQuery(id), as(AUDITOR));
    }

    @Test
    void an_application_is_registered_with_centre_amount_applicant_and_the_review_as_next_step() {
        GrantId id = readSide.apply(KOELN, 2025, ProgrammePart.PART_II_A, "Ankommenstreffpunkt Kalk", 2_500_000);

        GrantView view = grant(id);

        assertThat(view.grantId()).isEqualTo(id);
        assertThat(view.centreId()).isEqualTo(KOELN);
        assertThat(view.centreName()).isEqualTo("Stadt Köln");
        assertThat(view.regierungsbezirk()).isEqualTo(Regierungsbezirk.KOELN);
        assertThat(view.fundingYear()).isEqualTo(2025);
        assertThat(view.programmePart()).isEqualTo(ProgrammePart.PART_II_A);
        assertThat(view.title()).isEqualTo("Ankommenstreffpunkt Kalk");
        assertThat(view.purpose()).isEqualTo("Zweck: Ankommenstreffpunkt Kalk");
        assertThat(view.status()).isEqualTo(GrantStatus.APPLIED);
        assertThat(view.requestedAmount()).isEqualTo(Money.parse("25000.00"));
        assertThat(view.approvedAmount()).isNull();
        assertThat(view.appliedOn()).isEqualTo(LocalDate.of(2025, 1, 10));
        assertThat(view.appliedBy()).isEqualTo("koordination.05315");
        assertThat(view.nextStep()).isEqualTo("REVIEW");
        assertThat(view.decidedBy()).isNull();
    }

    @Test
    void review_and_approval_record_recommendation_notes_amount_and_who_decided() {
        GrantId id = readSide.apply(KOELN, 2025, ProgrammePart.PART_I, "Koordinierungsstelle", 10_000_000);
        readSide.review(id, KOELN, Recommendation.APPROVE, "Förderfähig, Betrag angemessen.");
        assertThat(grant(id).nextStep()).isEqualTo("DECISION");

        readSide.approve(id, KOELN, 10_000_000, 8_000_000, "Bewilligt mit Kürzung.");

        GrantView view = grant(id);
        assertThat(view.status()).isEqualTo(GrantStatus.APPROVED);
        assertThat(view.recommendation()).isEqualTo(Recommendation.APPROVE);
        assertThat(view.reviewNote()).isEqualTo("Förderfähig, Betrag angemessen.");
        assertThat(view.reviewedBy()).isEqualTo("bezreg.arnsberg");
        assertThat(view.approvedAmount()).isEqualTo(Money.ofCents(8_000_000));
        assertThat(view.requestedAmount()).isEqualTo(Money.ofCents(10_000_000));
        assertThat(view.decisionNote()).isEqualTo("Bewilligt mit Kürzung.");
        assertThat(view.decidedBy()).isEqualTo("ministerium");
        assertThat(view.decidedOn()).isEqualTo(LocalDate.of(2025, 3, 3));
        assertThat(view.nextStep()).isEqualTo("REQUEST_FUNDS");
    }

    @Test
    void a_rejection_and_a_withdrawal_end_the_procedure_with_their_reason() {
        GrantId rejected = readSide.apply(KOELN, 2025, ProgrammePart.PART_II_C, "Kampagne", 500_000);
        readSide.review(rejected, KOELN, Recommendation.REJECT, "Nicht förderfähig.");
        readSide.reject(rejected, KOELN, "Maßnahme bereits anderweitig gefördert.");
        GrantId withdrawn = readSide.apply(KOELN, 2025, ProgrammePart.PART_II_D, "Schulung", 300_000);
        readSide.withdrawApplication(withdrawn, KOELN, "Doppelt beantragt.");

        assertThat(grant(rejected).status()).isEqualTo(GrantStatus.REJECTED);
        assertThat(grant(rejected).decisionNote()).isEqualTo("Maßnahme bereits anderweitig gefördert.");
        assertThat(grant(rejected).decidedBy()).isEqualTo("ministerium");
        assertThat(grant(rejected).decidedOn()).isNotNull();
        assertThat(grant(rejected).nextStep()).isEqualTo("NONE");
        assertThat(grant(withdrawn).status()).isEqualTo(GrantStatus.WITHDRAWN);
        assertThat(grant(withdrawn).decisionNote()).isEqualTo("Doppelt beantragt.");
        assertThat(grant(withdrawn).nextStep()).isEqualTo("NONE");
    }

    @Test
    void the_history_lists_every_fact_in_order_with_actor_role_time_statuses_amounts_and_reasons() {
        GrantId id = readSide.apply(KOELN, 2025, ProgrammePart.PART_I, "Koordinierungsstelle", 10_000_000);
        readSide.review(id, KOELN, Recommendation.APPROVE, "Förderfähig.");
        readSide.approve(id, KOELN, 10_000_000, 9_000_000, null);
        List<EventMessage<?>> events = readSide.recorded().subList(readSide.recorded().size() - 3, readSide.recorded().size());

        GrantHistory history = history(id);

        assertThat(history.grantId()).isEqualTo(id);
        assertThat(history.centreId()).isEqualTo(KOELN);
        // nothing is disbursed before approval: zero from the application on, no "before" for the application
        assertThat(history.entries()).containsExactly(
                new GrantHistoryEntry(0, "APPLIED", events.get(0).getTimestamp(), "koordination.05315",
                        AccountRole.COORDINATOR, null, GrantStatus.APPLIED, null, null, Money.ofCents(10_000_000), null,
                        null, Money.ZERO),
                new GrantHistoryEntry(1, "REVIEWED", events.get(1).getTimestamp(), "bezreg.arnsberg",
                        AccountRole.GRANT_OFFICER, GrantStatus.APPLIED, GrantStatus.REVIEWED, null, null, null,
                        "Empfehlung: Bewilligung. Förderfähig.", Money.ZERO, Money.ZERO),
                new GrantHistoryEntry(2, "APPROVED", events.get(2).getTimestamp(), "ministerium",
                        AccountRole.MINISTRY, GrantStatus.REVIEWED, GrantStatus.APPROVED, null, Money.ofCents(9_000_000),
                        Money.ofCents(9_000_000), null, Money.ZERO, Money.ZERO));
    }

    @Test
    void the_history_of_a_rejected_and_of_a_withdrawn_grant_names_the_reasons() {
        GrantId rejected = readSide.apply(KOELN, 2025, ProgrammePart.PART_II_C, "Kampagne", 500_000);
        readSide.reject(rejected, KOELN, "Kein Bedarf.");
        GrantId withdrawn = readSide.apply(KOELN, 2025, ProgrammePart.PART_II_D, "Schulung", 300_000);
        readSide.withdrawApplication(withdrawn, KOELN, "Doppelt beantragt.");

        GrantHistoryEntry rejection = history(rejected).entries().get(1);
        assertThat(rejection.fact()).isEqualTo("REJECTED");
        assertThat(rejection.statusBefore()).isEqualTo(GrantStatus.APPLIED);
        assertThat(rejection.statusAfter()).isEqualTo(GrantStatus.REJECTED);
        assertThat(rejection.reason()).isEqualTo("Kein Bedarf.");
        assertThat(rejection.actorRole()).isEqualTo(AccountRole.MINISTRY);
        GrantHistoryEntry withdrawal = history(withdrawn).entries().get(1);
        assertThat(withdrawal.fact()).isEqualTo("WITHDRAWN");
        assertThat(withdrawal.reason()).isEqualTo("Doppelt beantragt.");
        assertThat(withdrawal.actorRole()).isEqualTo(AccountRole.COORDINATOR);
    }

    @Test
    void grants_are_filtered_by_centre_funding_year_and_status() {
        GrantId k25 = readSide.apply(KOELN, 2025, ProgrammePart.PART_I, "Köln 2025", 100_000);
        GrantId k26 = readSide.apply(KOELN, 2026, ProgrammePart.PART_I, "Köln 2026", 100_000);
        GrantId d25 = readSide.apply(DUESSELDORF, 2025, ProgrammePart.PART_I, "Düsseldorf 2025", 100_000);
        readSide.review(d25, DUESSELDORF, Recommendation.APPROVE, "ok");

        assertThat(readSide.grants.handle(new FindGrantsQuery(null, null, null), as(MINISTRY)))
                .extracting(GrantView::grantId).containsExactly(k26, d25, k25);
        assertThat(readSide.grants.handle(new FindGrantsQuery(KOELN, null, null), as(MINISTRY)))
                .extracting(GrantView::grantId).containsExactly(k26, k25);
        assertThat(readSide.grants.handle(new FindGrantsQuery(null, 2025, null), as(MINISTRY)))
                .extracting(GrantView::grantId).containsExactly(d25, k25);
        assertThat(readSide.grants.handle(new FindGrantsQuery(null, null, GrantStatus.REVIEWED), as(MINISTRY)))
                .extracting(GrantView::grantId).containsExactly(d25);
    }

    @Test
    void grants_are_filtered_by_programme_part_and_regierungsbezirk_alone_and_combined() {
        GrantId koelnPartI = readSide.apply(KOELN, 2025, ProgrammePart.PART_I, "Köln I", 100_000);
        GrantId koelnPartIIA = readSide.apply(KOELN, 2025, ProgrammePart.PART_II_A, "Köln II A", 100_000);
        GrantId duesseldorfPartI = readSide.apply(DUESSELDORF, 2025, ProgrammePart.PART_I, "Düsseldorf I", 100_000);
        GrantId viersenPartIIA = readSide.apply(VIERSEN, 2026, ProgrammePart.PART_II_A, "Viersen II A", 100_000);

        assertThat(readSide.grants.handle(new FindGrantsQuery(null, null, null, ProgrammePart.PART_II_A, null), as(MINISTRY)))
                .extracting(GrantView::grantId).containsExactly(viersenPartIIA, koelnPartIIA);
        assertThat(readSide.grants.handle(new FindGrantsQuery(null, null, null, null, Regierungsbezirk.DUESSELDORF), as(MINISTRY)))
                .extracting(GrantView::grantId).containsExactly(viersenPartIIA, duesseldorfPartI);
        assertThat(readSide.grants.handle(new FindGrantsQuery(null, null, null, null, Regierungsbezirk.KOELN), as(AUDITOR)))
                .extracting(GrantView::grantId).containsExactly(koelnPartI, koelnPartIIA);
        assertThat(readSide.grants.handle(new FindGrantsQuery(null, 2025, null, ProgrammePart.PART_I, Regierungsbezirk.DUESSELDORF),
                as(GRANT_OFFICER))).extracting(GrantView::grantId).containsExactly(duesseldorfPartI);
        assertThat(readSide.grants.handle(new FindGrantsQuery(null, null, null, ProgrammePart.PART_III, null), as(MINISTRY)))
                .isEmpty();
        assertThat(readSide.grants.handle(new FindGrantsQuery(null, null, null, null, Regierungsbezirk.MUENSTER), as(MINISTRY)))
                .isEmpty();
    }

    @Test
    void an_event_delivered_twice_is_recorded_once() {
        GrantId id = readSide.apply(KOELN, 2025, ProgrammePart.PART_I, "Koordinierungsstelle", 100_000);
        readSide.review(id, KOELN, Recommendation.APPROVE, "ok");
        readSide.approve(id, KOELN, 100_000, 90_000, null);

        readSide.recorded().stream().skip(readSide.recorded().size() - 3).forEach(readSide::redeliver);

        assertThat(history(id).entries()).hasSize(3);
        assertThat(grant(id).status()).isEqualTo(GrantStatus.APPROVED);
        assertThat(grant(id).approvedAmount()).isEqualTo(Money.ofCents(90_000));
    }

    @Test
    void the_grants_register_keeps_its_own_centre_names_even_when_the_centre_is_established_later() {
        GrantId id = readSide.apply(AACHEN, 2025, ProgrammePart.PART_I, "Aachen", 100_000);
        assertThat(grant(id).centreName()).isNull();

        readSide.establish(AACHEN, "Stadt Aachen", "Gemeinde", LocalDate.of(2014, 1, 1));

        assertThat(grant(id).centreName()).isEqualTo("Stadt Aachen");
        assertThat(grant(id).regierungsbezirk()).isEqualTo(Regierungsbezirk.KOELN);
    }

    @Test
    void an_unknown_grant_and_its_history_are_not_found() {
        assertThatThrownBy(() -> grant(GrantId.random())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> history(GrantId.random())).isInstanceOf(NotFoundException.class);
    }
}
