package nrw.komman.kernel.grant;

import nrw.komman.kernel.common.Money;
import org.junit.jupiter.api.Test;

import static nrw.komman.kernel.grant.GrantNextStep.of;
import static org.assertj.core.api.Assertions.assertThat;

class GrantNextStepTest {

    private static Money euros(long euros) {
        return Money.ofCents(euros * 100);
    }

    @Test
    void the_next_step_follows_the_status_and_while_approved_or_closed_the_money() {
        assertThat(of(GrantStatus.APPLIED, null, null, null)).isEqualTo(GrantNextStep.REVIEW);
        assertThat(of(GrantStatus.REVIEWED, null, null, null)).isEqualTo(GrantNextStep.DECISION);
        assertThat(of(GrantStatus.APPROVED, euros(1), euros(0), null)).isEqualTo(GrantNextStep.DISBURSEMENT);
        assertThat(of(GrantStatus.APPROVED, Money.ZERO, euros(1), null)).isEqualTo(GrantNextStep.REQUEST_FUNDS);
        assertThat(of(GrantStatus.APPROVED, Money.ZERO, Money.ZERO, null)).isEqualTo(GrantNextStep.USAGE_REPORT);
        assertThat(of(GrantStatus.USAGE_REPORTED, null, null, null)).isEqualTo(GrantNextStep.REPORT_CHECK);
        assertThat(of(GrantStatus.CLOSED, null, null, Money.ofCents(123_456_789))).isEqualTo(GrantNextStep.REPAYMENT);
        assertThat(of(GrantStatus.CLOSED, null, null, Money.ZERO)).isEqualTo(GrantNextStep.NONE);
        assertThat(of(GrantStatus.REJECTED, null, null, null)).isEqualTo(GrantNextStep.NONE);
        assertThat(of(GrantStatus.WITHDRAWN, null, null, null)).isEqualTo(GrantNextStep.NONE);
    }
}
