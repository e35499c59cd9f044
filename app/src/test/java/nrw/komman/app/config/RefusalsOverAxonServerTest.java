package nrw.komman.app.config;

import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.Refusal;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.web.platform.problem.ProblemMapper;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A refusal on the command or query node of the split topology reaches the web node as data: the
 * handler's exception becomes a {@link Refusal} in Axon's exception details, which survives the
 * message serializer (Jackson), and the web module answers it as it would in one process.
 */
class RefusalsOverAxonServerTest {

    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    @Test
    void a_refused_command_leaves_its_node_as_a_refusal_in_the_details_and_is_answered_409_on_the_web_node() {
        DefaultUnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("a command"));
        try {
            assertThatThrownBy(() -> RefusalsOverAxonServer.commandRefusals().handle(unitOfWork, () -> {
                throw new RuleViolationException("budget.exceeded", "Im Haushalt sind nur noch 2.000,00 € frei.");
            })).isInstanceOfSatisfying(CommandExecutionException.class, e -> {
                Refusal travelled = roundTrip((Refusal) e.getDetails().orElseThrow());
                ProblemDetail answer = new ProblemMapper().toProblem(new CommandExecutionException("remote", null, travelled));
                assertThat(answer.getStatus()).isEqualTo(409);
                assertThat(answer.getProperties()).containsEntry("code", "budget.exceeded");
                assertThat(answer.getDetail()).isEqualTo("Im Haushalt sind nur noch 2.000,00 € frei.");
            });
        } finally {
            unitOfWork.rollback();
        }
    }

    @Test
    void a_refused_query_leaves_its_node_as_a_refusal_too() {
        QueryMessage<String, String> query = new GenericQueryMessage<>("a query", ResponseTypes.instanceOf(String.class));
        DefaultUnitOfWork<QueryMessage<?, ?>> unitOfWork = DefaultUnitOfWork.startAndGet(query);
        try {
            assertThatThrownBy(() -> RefusalsOverAxonServer.queryRefusals().handle(unitOfWork, () -> {
                throw new NotFoundException("grant.not-found", "Diese Zuwendung gibt es nicht.");
            })).isInstanceOfSatisfying(QueryExecutionException.class, e -> {
                Refusal travelled = roundTrip((Refusal) e.getDetails().orElseThrow());
                assertThat(new ProblemMapper().toProblem(new QueryExecutionException("remote", null, travelled)).getStatus()).isEqualTo(404);
            });
        } finally {
            unitOfWork.rollback();
        }
    }

    @Test
    void other_failures_pass_unchanged() {
        DefaultUnitOfWork<CommandMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("a command"));
        IllegalStateException bug = new IllegalStateException("a bug");
        try {
            assertThatThrownBy(() -> RefusalsOverAxonServer.commandRefusals().handle(unitOfWork, () -> {
                throw bug;
            })).isSameAs(bug);
        } finally {
            unitOfWork.rollback();
        }
    }

    private Refusal roundTrip(Refusal refusal) {
        SerializedObject<byte[]> bytes = serializer.serialize(refusal, byte[].class);
        return serializer.deserialize(bytes);
    }
}
