package nrw.komman.app.config;

import nrw.komman.kernel.common.RuleViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway retries: lost races and deadlocks (between two aggregates' locks, or rows in the database), never a refusal. */
class ConflictRetriesTest {

    @Test
    void a_lost_race_and_a_deadlock_are_retried_also_when_wrapped() {
        assertThat(ConflictRetries.isConflict(new ConcurrencyException("sequence 3 taken"))).isTrue();
        assertThat(ConflictRetries.isConflict(new DeadlockException("request and volunteer locked crosswise"))).isTrue();
        assertThat(ConflictRetries.isConflict(new CommandExecutionException("failed", new DeadlockException("x")))).isTrue();
        // PostgreSQL's "deadlock detected" (40P01) as Spring translates it: the victim's transaction was rolled back
        assertThat(ConflictRetries.isConflict(new org.springframework.dao.PessimisticLockingFailureException(
                "ERROR: deadlock detected"))).isTrue();
        assertThat(ConflictRetries.isConflict(new org.springframework.dao.CannotAcquireLockException("lock timeout"))).isTrue();
    }

    @Test
    void a_command_sent_while_another_is_handled_is_not_retried_alone_but_fails_the_outer_one() {
        ConflictRetries retries = new ConflictRetries(5);
        org.axonframework.commandhandling.CommandMessage<Object> nested =
                org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage("cancel");
        java.util.List<Class<? extends Throwable>[]> failures = new java.util.ArrayList<>();
        failures.add(new Class[]{ConcurrencyException.class});
        org.axonframework.messaging.unitofwork.DefaultUnitOfWork<?> outer =
                org.axonframework.messaging.unitofwork.DefaultUnitOfWork.startAndGet(nested);
        try {
            assertThat(retries.scheduleRetry(nested, new ConcurrencyException("taken"), failures, () -> { })).isFalse();
        } finally {
            outer.rollback();
        }
        assertThat(retries.scheduleRetry(nested, new ConcurrencyException("taken"), failures, () -> { })).isTrue();
    }

    @Test
    void a_refusal_of_the_domain_is_not_retried() {
        assertThat(ConflictRetries.isConflict(new RuleViolationException("assignment.volunteer.booked", "eingeplant"))).isFalse();
        assertThat(ConflictRetries.isConflict(new IllegalStateException("anything else"))).isFalse();
    }
}
