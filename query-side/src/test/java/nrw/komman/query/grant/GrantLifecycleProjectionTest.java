package nrw.komman.query.grant;

import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.grant.FetchGrantHistoryQuery;
import nrw.komman.kernel.grant.FindGrantQuery;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantHistoryEntry;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantRaiseProposedEvent;
import nrw.komman.kernel.grant.GrantRaiseWithdrawnEvent;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.Recommendation;
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

/** The grant's life after approval: amendment, funds requests, tranches, usage report, closing, repayments. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GrantLifecycleProjectionTest {

    private static final String USAGE_REPORT = """
            Im Förderjahr wurden zwei Ankommenstreffpunkte in Kalk und Mülheim betrieben.
            Die Ehrenamtlichen begleiteten 120 Familien zu Behörden und Ärzt*innen.""";

    private final ReadSide readSide = new ReadSide();
    private GrantId grant;

    @BeforeEach
    void given_an_approved_grant_of_100_000_euros() {
        readSide.establishSomeCentres();
        grant = readSide.apply(KOELN, 2025, ProgrammePart.PART_II_A, "Ankommenstreffpunkte", 12_000_000);
        readSide.review(grant, KOELN, Recommendation.APPROVE, "Förderfähig.");
        readSide.approve(grant, KOELN, 12_000_000, 10_000_000, "Bewilligt.");
    }

    private GrantView grant() {
        return readSide.grants.handle(new FindGrantQuery(grant), as(COORDINATOR_KOELN));
    }

    private GrantHistory history() {
        return readSide.grants.handle(new FetchGrantHistoryQuery(grant), as(AUDITOR));
    }

    private GrantHistoryEntry lastFact() {
        List<GrantHistoryEntry> entries = history().entries();
        return entries.get(entries.size() - 1);
    }

    private EventMessage<?> lastEvent() {
        return readSide.recorded().get(readSide.recorded().size() - 1);
    }

    private static Money euros(long euros) {
        return Money.ofCents(euros * 100);
    }

    @Test
    void an_approved_grant_has_nothing_disbursed_nothing_requested_and_may_draw_funds() {
        GrantView view = grant();

        assertThat(view.disbursedAmount()).isEqualTo(Money.ZERO);
        assertThat(view.fundsRequested()).isEqualTo(Money.ZERO);
        assertThat(view.repaidAmount()).isEqualTo(Money.ZERO);
        assertThat(view.spentAmount()).isNull();
        assertThat(view.repaymentDemanded()).isNull();
        assertThat(view.volunteersReached()).isNull();
        assertThat(view.usageReport()).isNull();
        assertThat(view.disbursable()).isEqualTo(euros(100_000));
        assertThat(view.nextStep()).isEqualTo("REQUEST_FUNDS");
    }

    @Test
    void an_amendment_sets_the_new_approved_amount_and_the_history_shows_it_before_and_after() {
        readSide.amend(grant, KOELN, 10_000_000, 8_000_000, "Eine Stelle entfällt.");

        GrantView view = grant();
        assertThat(view.approvedAmount()).isEqualTo(euros(80_000));
        assertThat(view.status()).isEqualTo(GrantStatus.APPROVED);
        assertThat(view.decisionNote()).isEqualTo("Bewilligt.");
        assertThat(view.decidedBy()).isEqualTo("ministerium");
        assertThat(view.nextStep()).isEqualTo("REQUEST_FUNDS");
        assertThat(lastFact()).isEqualTo(new GrantHistoryEntry(3, "AMENDED", lastEvent().getTimestamp(),
                "ministerium", AccountRole.MINISTRY, GrantStatus.APPROVED, GrantStatus.APPROVED, euros(100_000), euros(80_000),
                euros(80_000), "Eine Stelle entfällt.", Money.ZERO, Money.ZERO));
    }

    @Test
    void a_proposed_raise_is_a_fact_in_the_history_and_changes_the_approved_amount_only_when_approved() {
        readSide.publish(new GrantRaiseProposedEvent(grant, KOELN, euros(100_000), euros(110_000), "Mehrbedarf",
                LocalDate.of(2025, 4, 1)), MINISTRY);

        assertThat(grant().approvedAmount()).isEqualTo(euros(100_000));
        assertThat(grant().pendingRaise()).isEqualTo(euros(110_000));
        assertThat(grant().raiseProposedBy()).isEqualTo("ministerium");
        assertThat(lastFact()).isEqualTo(new GrantHistoryEntry(3, "RAISE_PROPOSED", lastEvent().getTimestamp(),
                "ministerium", AccountRole.MINISTRY, GrantStatus.APPROVED, GrantStatus.APPROVED, euros(100_000),
                euros(100_000), euros(110_000), "Mehrbedarf", Money.ZERO, Money.ZERO));

        readSide.publish(new GrantRaiseWithdrawnEvent(grant, KOELN, euros(110_000), "entfällt"), MINISTRY);
        assertThat(grant().approvedAmount()).isEqualTo(euros(100_000));
        assertThat(grant().pendingRaise()).isNull();
        assertThat(lastFact().fact()).isEqualTo("RAISE_WITHDRAWN");

        // proposed again and approved by a second account: the amount changes, nothing waits any more
        readSide.publish(new GrantRaiseProposedEvent(grant, KOELN, euros(100_000), euros(105_000), "Mehrbedarf",
                LocalDate.of(2025, 4, 2)), MINISTRY);
        readSide.amend(grant, KOELN, 10_000_000, 10_500_000, "Mehrbedarf");
        assertThat(grant().approvedAmount()).isEqualTo(euros(105_000));
        assertThat(grant().pendingRaise()).isNull();
    }

    @Test
    void a_funds_request_stays_open_until_disbursed_and_the_next_step_follows_the_money() {
        readSide.requestFunds(grant, KOELN, 6_000_000, "Personalkosten Januar bis Juni");

        assertThat(grant().fundsRequested()).isEqualTo(euros(60_000));
        assertThat(grant().disbursedAmount()).isEqualTo(Money.ZERO);
        assertThat(grant().nextStep()).isEqualTo("DISBURSEMENT");
        assertThat(lastFact()).isEqualTo(new GrantHistoryEntry(3, "FUNDS_REQUESTED", lastEvent().getTimestamp(),
                "koordination.05315", AccountRole.COORDINATOR, GrantStatus.APPROVED, GrantStatus.APPROVED, euros(100_000),
                euros(100_000), euros(60_000), "Personalkosten Januar bis Juni", Money.ZERO, Money.ZERO));

        readSide.disburse(grant, KOELN, 1, 2_000_000, LocalDate.of(2025, 4, 10), 0);

        assertThat(grant().disbursedAmount()).isEqualTo(euros(20_000));
        assertThat(grant().fundsRequested()).isEqualTo(euros(40_000));
        assertThat(grant().nextStep()).isEqualTo("DISBURSEMENT");
        assertThat(lastFact()).isEqualTo(new GrantHistoryEntry(4, "DISBURSED", lastEvent().getTimestamp(),
                "bezreg.arnsberg", AccountRole.GRANT_OFFICER, GrantStatus.APPROVED, GrantStatus.APPROVED, euros(100_000),
                euros(100_000), euros(20_000), "Tranche 1, ausgezahlt am 10.04.2025", Money.ZERO, euros(20_000)));

        readSide.disburse(grant, KOELN, 2, 4_000_000, LocalDate.of(2025, 5, 2), 2_000_000);

        assertThat(grant().disbursedAmount()).isEqualTo(euros(60_000));
        assertThat(grant().fundsRequested()).isEqualTo(Money.ZERO);
        assertThat(grant().disbursable()).isEqualTo(euros(40_000));
        assertThat(grant().nextStep()).isEqualTo("REQUEST_FUNDS");
        assertThat(lastFact().disbursedBefore()).isEqualTo(euros(20_000));
        assertThat(lastFact().disbursedAfter()).isEqualTo(euros(60_000));
        assertThat(lastFact().reason()).isEqualTo("Tranche 2, ausgezahlt am 02.05.2025");

        readSide.requestFunds(grant, KOELN, 4_000_000, "Rest");
        readSide.disburse(grant, KOELN, 3, 4_000_000, LocalDate.of(2025, 9, 1), 6_000_000);

        assertThat(grant().disbursedAmount()).isEqualTo(euros(100_000));
        assertThat(grant().fundsRequested()).isEqualTo(Money.ZERO);
        assertThat(grant().nextStep()).isEqualTo("USAGE_REPORT");
    }

    @Test
    void a_tranche_settles_only_what_was_drawn_before_it_as_the_aggregate_counts() {
        readSide.disburse(grant, KOELN, 1, 3_000_000, LocalDate.of(2025, 4, 10), 0);
        assertThat(grant().fundsRequested()).as("a tranche without a request leaves nothing negative").isEqualTo(Money.ZERO);

        readSide.requestFunds(grant, KOELN, 1_000_000, "Sachkosten");
        assertThat(grant().fundsRequested()).as("a later request stays open").isEqualTo(euros(10_000));
        assertThat(grant().nextStep()).isEqualTo("DISBURSEMENT");

        readSide.disburse(grant, KOELN, 2, 1_000_000, LocalDate.of(2025, 5, 10), 3_000_000);
        assertThat(grant().fundsRequested()).isEqualTo(Money.ZERO);
        assertThat(grant().nextStep()).isEqualTo("REQUEST_FUNDS");
    }

    @Test
    void an_amendment_down_to_what_is_disbursed_makes_the_usage_report_due() {
        readSide.disburse(grant, KOELN, 1, 7_000_000, LocalDate.of(2025, 4, 10), 0);
        readSide.amend(grant, KOELN, 10_000_000, 7_000_000, "Maßnahme verkleinert.");

        assertThat(grant().nextStep()).isEqualTo("USAGE_REPORT");
        assertThat(lastFact().disbursedBefore()).isEqualTo(euros(70_000));
        assertThat(lastFact().disbursedAfter()).isEqualTo(euros(70_000));
    }

    @Test
    void the_usage_report_keeps_the_narrative_in_the_register_and_the_figures_in_the_history() {
        readSide.disburse(grant, KOELN, 1, 10_000_000, LocalDate.of(2025, 4, 10), 0);

        readSide.reportUsage(grant, KOELN, 10_000_000, 9_250_050, USAGE_REPORT, 42);

        GrantView view = grant();
        assertThat(view.status()).isEqualTo(GrantStatus.USAGE_REPORTED);
        assertThat(view.spentAmount()).isEqualTo(Money.ofCents(9_250_050));
        assertThat(view.volunteersReached()).isEqualTo(42);
        assertThat(view.usageReport()).isEqualTo(USAGE_REPORT);
        assertThat(view.reportedOn()).isEqualTo(LocalDate.of(2026, 2, 15));
        assertThat(view.nextStep()).isEqualTo("REPORT_CHECK");
        assertThat(lastFact()).isEqualTo(new GrantHistoryEntry(4, "USAGE_REPORTED", lastEvent().getTimestamp(),
                "koordination.05315", AccountRole.COORDINATOR, GrantStatus.APPROVED, GrantStatus.USAGE_REPORTED,
                euros(100_000), euros(100_000), Money.ofCents(9_250_050),
                "Verausgabt: 92.500,50 €, erreichte Ehrenamtliche: 42", euros(100_000), euros(100_000)));
    }

    @Test
    void closing_demands_back_what_was_not_spent_and_repayments_reduce_what_is_outstanding() {
        readSide.disburse(grant, KOELN, 1, 10_000_000, LocalDate.of(2025, 4, 10), 0);
        readSide.reportUsage(grant, KOELN, 10_000_000, 8_765_433, USAGE_REPORT, 42);

        readSide.close(grant, KOELN, 10_000_000, 8_765_433, "Nachweis geprüft, Restbetrag zurückgefordert.");

        GrantView view = grant();
        assertThat(view.status()).isEqualTo(GrantStatus.CLOSED);
        assertThat(view.checkNote()).isEqualTo("Nachweis geprüft, Restbetrag zurückgefordert.");
        assertThat(view.closedOn()).isEqualTo(LocalDate.of(2026, 3, 20));
        assertThat(view.repaymentDemanded()).isEqualTo(Money.ofCents(1_234_567));
        assertThat(view.repaymentOutstanding()).isEqualTo(Money.ofCents(1_234_567));
        assertThat(view.nextStep()).isEqualTo("REPAYMENT");
        assertThat(lastFact()).isEqualTo(new GrantHistoryEntry(5, "CLOSED", lastEvent().getTimestamp(),
                "bezreg.arnsberg", AccountRole.GRANT_OFFICER, GrantStatus.USAGE_REPORTED, GrantStatus.CLOSED,
                euros(100_000), euros(100_000), Money.ofCents(1_234_567),
                "Nachweis geprüft, Restbetrag zurückgefordert.", euros(100_000), euros(100_000)));

        readSide.repay(grant, KOELN, 1_000_000, LocalDate.of(2026, 4, 15), 1_234_567);

        assertThat(grant().repaidAmount()).isEqualTo(euros(10_000));
        assertThat(grant().status()).isEqualTo(GrantStatus.CLOSED);
        assertThat(grant().nextStep()).isEqualTo("REPAYMENT");
        assertThat(grant().repaymentOutstanding()).isEqualTo(Money.ofCents(234_567));
        assertThat(lastFact()).isEqualTo(new GrantHistoryEntry(6, "REPAID", lastEvent().getTimestamp(),
                "bezreg.arnsberg", AccountRole.GRANT_OFFICER, GrantStatus.CLOSED, GrantStatus.CLOSED,
                euros(100_000), euros(100_000), euros(10_000),
                "Eingegangen am 15.04.2026, noch offen: 2.345,67 €", euros(100_000), euros(100_000)));

        readSide.repay(grant, KOELN, 234_567, LocalDate.of(2026, 5, 2), 234_567);

        assertThat(grant().repaidAmount()).isEqualTo(Money.ofCents(1_234_567));
        assertThat(grant().repaymentOutstanding()).isEqualTo(Money.ZERO);
        assertThat(grant().nextStep()).isEqualTo("NONE");
    }

    @Test
    void a_grant_spent_in_full_is_closed_with_nothing_due() {
        readSide.disburse(grant, KOELN, 1, 10_000_000, LocalDate.of(2025, 4, 10), 0);
        readSide.reportUsage(grant, KOELN, 10_000_000, 10_000_000, USAGE_REPORT, 42);
        readSide.close(grant, KOELN, 10_000_000, 10_000_000, "Ohne Beanstandung.");

        assertThat(grant().repaymentDemanded()).isEqualTo(Money.ZERO);
        assertThat(grant().nextStep()).isEqualTo("NONE");
    }

    @Test
    void the_whole_life_is_one_chain_in_the_history_each_fact_starting_where_the_last_one_ended() {
        readSide.amend(grant, KOELN, 10_000_000, 11_000_000, "Zusätzlicher Treffpunkt.");
        readSide.requestFunds(grant, KOELN, 5_000_000, "Erstes Halbjahr");
        readSide.disburse(grant, KOELN, 1, 5_000_000, LocalDate.of(2025, 4, 10), 0);
        readSide.disburse(grant, KOELN, 2, 6_000_000, LocalDate.of(2025, 9, 1), 5_000_000);
        readSide.reportUsage(grant, KOELN, 11_000_000, 10_000_000, USAGE_REPORT, 42);
        readSide.close(grant, KOELN, 11_000_000, 10_000_000, "Geprüft.");
        readSide.repay(grant, KOELN, 1_000_000, LocalDate.of(2026, 4, 15), 1_000_000);

        List<GrantHistoryEntry> entries = history().entries();

        assertThat(entries).extracting(GrantHistoryEntry::fact).containsExactly("APPLIED", "REVIEWED",
                "APPROVED", "AMENDED", "FUNDS_REQUESTED", "DISBURSED", "DISBURSED", "USAGE_REPORTED",
                "CLOSED", "REPAID");
        assertThat(entries).extracting(GrantHistoryEntry::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(entries).extracting(GrantHistoryEntry::amount).containsExactly(euros(120_000), null, euros(100_000),
                euros(110_000), euros(50_000), euros(50_000), euros(60_000), euros(100_000), euros(10_000), euros(10_000));
        for (int i = 1; i < entries.size(); i++) {
            GrantHistoryEntry previous = entries.get(i - 1);
            GrantHistoryEntry entry = entries.get(i);
            assertThat(entry.statusBefore()).as(entry.fact()).isEqualTo(previous.statusAfter());
            assertThat(entry.approvedBefore()).as(entry.fact()).isEqualTo(previous.approvedAfter());
            assertThat(entry.disbursedBefore()).as(entry.fact()).isEqualTo(previous.disbursedAfter());
        }
        assertThat(entries.get(9).approvedAfter()).isEqualTo(euros(110_000));
        assertThat(entries.get(9).disbursedAfter()).isEqualTo(euros(110_000));
        GrantView view = grant();
        assertThat(view.approvedAmount()).isEqualTo(euros(110_000));
        assertThat(view.disbursedAmount()).isEqualTo(euros(110_000));
        assertThat(view.spentAmount()).isEqualTo(euros(100_000));
        assertThat(view.repaymentDemanded()).isEqualTo(euros(10_000));
        assertThat(view.repaidAmount()).isEqualTo(euros(10_000));
        assertThat(view.nextStep()).isEqualTo("NONE");
    }

    @Test
    void every_new_fact_delivered_again_changes_neither_the_register_nor_the_history() {
        int before = readSide.recorded().size();
        readSide.amend(grant, KOELN, 10_000_000, 11_000_000, "Zusätzlicher Treffpunkt.");
        readSide.requestFunds(grant, KOELN, 5_000_000, "Erstes Halbjahr");
        readSide.disburse(grant, KOELN, 1, 5_000_000, LocalDate.of(2025, 4, 10), 0);
        readSide.disburse(grant, KOELN, 2, 6_000_000, LocalDate.of(2025, 9, 1), 5_000_000);
        readSide.reportUsage(grant, KOELN, 11_000_000, 10_000_000, USAGE_REPORT, 42);
        readSide.close(grant, KOELN, 11_000_000, 10_000_000, "Geprüft.");
        readSide.repay(grant, KOELN, 400_000, LocalDate.of(2026, 4, 15), 1_000_000);
        List<EventMessage<?>> lifecycle = readSide.recorded().subList(before, readSide.recorded().size());
        GrantView view = grant();
        GrantHistory history = history();

        lifecycle.forEach(readSide::redeliver);
        // and out of order, as a stale redelivery after newer events would arrive
        for (int i = lifecycle.size() - 1; i >= 0; i--) {
            readSide.redeliver(lifecycle.get(i));
        }

        assertThat(grant()).isEqualTo(view);
        assertThat(history()).isEqualTo(history);
        assertThat(view.repaidAmount()).isEqualTo(euros(4_000));
        assertThat(view.nextStep()).isEqualTo("REPAYMENT");
        assertThat(view.repaymentOutstanding()).isEqualTo(euros(6_000));
    }

    @Test
    void a_replay_rebuilds_the_same_register_and_history() {
        readSide.amend(grant, KOELN, 10_000_000, 11_000_000, "Zusätzlicher Treffpunkt.");
        readSide.disburse(grant, KOELN, 1, 11_000_000, LocalDate.of(2025, 4, 10), 0);
        readSide.reportUsage(grant, KOELN, 11_000_000, 10_000_000, USAGE_REPORT, 42);
        readSide.close(grant, KOELN, 11_000_000, 10_000_000, "Geprüft.");
        GrantView view = grant();
        GrantHistory history = history();

        readSide.resetAndReplay();

        assertThat(grant()).isEqualTo(view);
        assertThat(history()).isEqualTo(history);
    }
}
