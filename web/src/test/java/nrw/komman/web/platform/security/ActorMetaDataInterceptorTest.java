package nrw.komman.web.platform.security;

import nrw.komman.web.account.AccountPrincipal;
import nrw.komman.kernel.admin.RebuildReadModelsCommand;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.FindCentresQuery;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.AccountRole;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ActorMetaDataInterceptorTest {

    private static final CentreId KOELN = new CentreId("05315");

    private final ActorMetaDataInterceptor<CommandMessage<?>> interceptor = new ActorMetaDataInterceptor<>();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void the_signed_in_account_becomes_the_actor_of_the_message() {
        signIn(new AccountPrincipal("k.mueller", null, AccountRole.COORDINATOR, KOELN, true));

        CommandMessage<?> message = intercept(GenericCommandMessage.asCommandMessage(new RebuildReadModelsCommand()));

        assertThat(Actor.fromMetaData(message.getMetaData())).isEqualTo(Actor.coordinator("k.mueller", KOELN));
        assertThat(message.getMetaData()).containsEntry(Actor.ACCOUNT, "k.mueller")
                .containsEntry(Actor.ROLE, "COORDINATOR").containsEntry(Actor.CENTRE, "05315");
    }

    @Test
    void an_actor_the_message_already_names_is_kept() {
        signIn(new AccountPrincipal("admin", null, AccountRole.ADMINISTRATOR, null, true));
        CommandMessage<?> seeded = GenericCommandMessage.asCommandMessage(new RebuildReadModelsCommand())
                .withMetaData(Actor.SYSTEM.toMetaData());

        CommandMessage<?> message = intercept(seeded);

        assertThat(Actor.fromMetaData(message.getMetaData())).isEqualTo(Actor.SYSTEM);
    }

    @Test
    void without_a_signed_in_account_nothing_is_added() {
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));

        CommandMessage<?> message = intercept(GenericCommandMessage.asCommandMessage(new RebuildReadModelsCommand()));

        assertThat(message.getMetaData()).doesNotContainKey(Actor.ACCOUNT);
    }

    @Test
    void the_registrar_puts_the_actor_on_every_command_and_query_sent_through_the_gateways() {
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        AtomicReference<MetaData> commandMetaData = new AtomicReference<>();
        commandBus.subscribe(RebuildReadModelsCommand.class.getName(), m -> {
            commandMetaData.set(m.getMetaData());
            return null;
        });
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        AtomicReference<MetaData> queryMetaData = new AtomicReference<>();
        queryBus.subscribe(FindCentresQuery.class.getName(), String.class, m -> {
            queryMetaData.set(m.getMetaData());
            return "answer";
        });
        ActorMetaDataRegistrar registrar = new ActorMetaDataRegistrar();
        CommandGateway commandGateway = (CommandGateway) registrar.postProcessAfterInitialization(
                DefaultCommandGateway.builder().commandBus(commandBus).build(), "commandGateway");
        QueryGateway queryGateway = (QueryGateway) registrar.postProcessAfterInitialization(
                DefaultQueryGateway.builder().queryBus(queryBus).build(), "queryGateway");
        signIn(new AccountPrincipal("admin", null, AccountRole.ADMINISTRATOR, null, true));

        commandGateway.sendAndWait(new RebuildReadModelsCommand());
        String answer = queryGateway.query(new FindCentresQuery(), ResponseTypes.instanceOf(String.class)).join();

        assertThat(answer).isEqualTo("answer");
        assertThat(Actor.fromMetaData(commandMetaData.get())).isEqualTo(Actor.of("admin", AccountRole.ADMINISTRATOR));
        assertThat(Actor.fromMetaData(queryMetaData.get())).isEqualTo(Actor.of("admin", AccountRole.ADMINISTRATOR));
    }

    @Test
    void other_beans_pass_the_registrar_untouched() {
        Object bean = Map.of();

        assertThat(new ActorMetaDataRegistrar().postProcessAfterInitialization(bean, "other")).isSameAs(bean);
    }

    private CommandMessage<?> intercept(CommandMessage<?> message) {
        return interceptor.handle(List.of(message)).apply(0, message);
    }

    private static void signIn(AccountPrincipal principal) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }
}
