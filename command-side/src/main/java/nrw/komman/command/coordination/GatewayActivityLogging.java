package nrw.komman.command.coordination;

import nrw.komman.kernel.activity.LogActivityCommand;
import nrw.komman.kernel.common.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Sends the {@link LogActivityCommand} through the command gateway and waits for its answer. Sent from inside a
 * request's command handler on the local command bus, it is handled on the same thread in a nested unit of work
 * (Axon 4: a unit of work started while another is active is its child, commits with its parent's commit and rolls
 * back with it), and its Spring transaction joins the caller's: the activity and the assignment's fact are stored
 * together or not at all. With Axon Server the command runs elsewhere in its own transaction; a refusal is still
 * the answer before anything is applied here.
 */
@Component
class GatewayActivityLogging implements ActivityLogging {

    private final ObjectProvider<CommandGateway> gateway;

    GatewayActivityLogging(ObjectProvider<CommandGateway> gateway) {
        this.gateway = gateway;
    }

    @Override
    public void log(LogActivityCommand command, Actor actor) {
        gateway.getObject().sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(actor.toMetaData())));
    }
}
