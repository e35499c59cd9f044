package nrw.komman.web.platform;

import nrw.komman.kernel.admin.AwaitReadModelsQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.CentreView;
import nrw.komman.kernel.centre.FindCentreQuery;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.DomainException;
import nrw.komman.kernel.common.Refusal;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.volunteer.DeactivateVolunteerCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.platform.problem.ServiceUnavailableException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class DispatcherTest {

    private static final WebProperties PROPERTIES = new WebProperties(
            new WebProperties.Api(DataSize.ofKilobytes(64), Duration.ofMillis(200)),
            new WebProperties.Security(new WebProperties.CredentialCacheSettings(Duration.ofMinutes(5), 10),
                    new WebProperties.Lockout(10, Duration.ofMinutes(15), Duration.ofMinutes(15), 3, Duration.ofSeconds(1), 50, 100),
                    new WebProperties.SignInLogSettings(Duration.ofDays(90))));
    private static final CentreView KOELN = new CentreView(new CentreId("05315"), "Stadt Köln", "Kreisfreie Stadt",
            Regierungsbezirk.KOELN, true, LocalDate.of(2013, 1, 1), null);

    private final CommandGateway commandGateway = mock(CommandGateway.class);
    private final QueryGateway queryGateway = mock(QueryGateway.class);
    private final CommandDispatcher commands = new CommandDispatcher(commandGateway, queryGateway, PROPERTIES,
            new ReadYourWritesProperties(Duration.ofMillis(300)));
    private final QueryDispatcher queries = new QueryDispatcher(queryGateway, PROPERTIES);
    private final VolunteerId volunteer = VolunteerId.random();

    @Test
    void a_command_is_sent_first_and_then_the_read_models_of_its_aggregate_are_awaited() {
        doReturn(CompletableFuture.completedFuture("result")).when(commandGateway).send(any());
        doReturn(CompletableFuture.completedFuture(true)).when(queryGateway).query(any(), any(ResponseType.class));

        Object result = commands.sendAndAwait(new DeactivateVolunteerCommand(volunteer), volunteer);

        assertThat(result).isEqualTo("result");
        InOrder order = inOrder(commandGateway, queryGateway);
        order.verify(commandGateway).send(any(DeactivateVolunteerCommand.class));
        order.verify(queryGateway).query(argThat(q -> q instanceof AwaitReadModelsQuery await
                && await.aggregateIdentifier().equals(volunteer.toString()) && await.timeoutMillis() == 300), any(ResponseType.class));
    }

    @Test
    void read_models_that_do_not_catch_up_or_cannot_be_asked_do_not_fail_a_successful_command() {
        doReturn(CompletableFuture.completedFuture(null)).when(commandGateway).send(any());
        doReturn(CompletableFuture.completedFuture(false)).when(queryGateway).query(any(), any(ResponseType.class));
        commands.sendAndAwait(new DeactivateVolunteerCommand(volunteer), volunteer);

        doReturn(CompletableFuture.failedFuture(new NoHandlerForQueryException("none"))).when(queryGateway).query(any(), any(ResponseType.class));
        commands.sendAndAwait(new DeactivateVolunteerCommand(volunteer), volunteer);
    }

    @Test
    void a_refused_command_throws_the_refusal_and_waits_for_nothing() {
        RuleViolationException refusal = new RuleViolationException("volunteer.inactive", "Schon inaktiv.");
        doReturn(CompletableFuture.failedFuture(refusal)).when(commandGateway).send(any());

        assertThatThrownBy(() -> commands.sendAndAwait(new DeactivateVolunteerCommand(volunteer), volunteer)).isSameAs(refusal);
        verify(queryGateway, never()).query(any(), any(ResponseType.class));
    }

    @Test
    void a_wrapped_refusal_keeps_its_wrapper_for_the_problem_mapper() {
        CommandExecutionException wrapped = new CommandExecutionException("x", new RuleViolationException("c", "m"));
        doReturn(CompletableFuture.failedFuture(wrapped)).when(commandGateway).send(any());

        assertThatThrownBy(() -> commands.send(new DeactivateVolunteerCommand(volunteer))).isSameAs(wrapped);
    }

    @Test
    void a_refusal_from_another_node_arrives_as_details_and_is_thrown_as_the_same_refusal() {
        CommandExecutionException remote = new CommandExecutionException("Schon inaktiv.", null,
                new Refusal(DomainException.Kind.RULE_VIOLATED, "volunteer.inactive", "Schon inaktiv."));
        doReturn(CompletableFuture.failedFuture(remote)).when(commandGateway).send(any());

        assertThatThrownBy(() -> commands.send(new DeactivateVolunteerCommand(volunteer)))
                .isInstanceOf(RuleViolationException.class).hasMessage("Schon inaktiv.")
                .satisfies(e -> assertThat(((RuleViolationException) e).code()).isEqualTo("volunteer.inactive"));
    }

    @Test
    void a_command_without_an_answer_in_time_is_a_service_unavailable() {
        doReturn(new CompletableFuture<>()).when(commandGateway).send(any());

        assertThatThrownBy(() -> commands.send(new DeactivateVolunteerCommand(volunteer)))
                .isInstanceOf(ServiceUnavailableException.class);
    }

    @Test
    void a_query_answer_may_be_a_value_an_optional_or_nothing() {
        doReturn(CompletableFuture.completedFuture(KOELN)).when(queryGateway).query(any(), any(ResponseType.class));
        assertThat(queries.one(new FindCentreQuery(KOELN.centreId()), CentreView.class, "c", "m")).isEqualTo(KOELN);

        doReturn(CompletableFuture.completedFuture(Optional.of(KOELN))).when(queryGateway).query(any(), any(ResponseType.class));
        assertThat(queries.optional(new FindCentreQuery(KOELN.centreId()), CentreView.class)).contains(KOELN);

        doReturn(CompletableFuture.completedFuture(Optional.empty())).when(queryGateway).query(any(), any(ResponseType.class));
        assertThatThrownBy(() -> queries.one(new FindCentreQuery(KOELN.centreId()), CentreView.class, "centre.not-found", "Gibt es nicht."))
                .isInstanceOf(NotFoundException.class).hasMessage("Gibt es nicht.");

        doReturn(CompletableFuture.completedFuture(null)).when(queryGateway).query(any(), any(ResponseType.class));
        assertThat(queries.list(new FindCentresQuery(), CentreView.class)).isEmpty();
        doReturn(CompletableFuture.completedFuture(List.of(KOELN))).when(queryGateway).query(any(), any(ResponseType.class));
        assertThat(queries.list(new FindCentresQuery(), CentreView.class)).containsExactly(KOELN);
    }

    @Test
    void a_query_without_an_answer_in_time_is_a_service_unavailable() {
        doReturn(new CompletableFuture<>()).when(queryGateway).query(any(), any(ResponseType.class));

        assertThatThrownBy(() -> queries.optional(new FindCentresQuery(), CentreView.class))
                .isInstanceOf(ServiceUnavailableException.class);
    }
}
