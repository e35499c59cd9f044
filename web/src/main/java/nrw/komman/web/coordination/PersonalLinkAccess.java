package nrw.komman.web.coordination;

import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.coordination.ResolveVolunteerLinkQuery;
import nrw.komman.kernel.coordination.VolunteerLinkResolution;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.QueryDispatcher;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * How the volunteer's own pages and API act without an account: the token in the address is the credential. It is
 * resolved as {@link Actor#PERSONAL_LINK}; everything after that is sent as {@link Actor#volunteer} of the resolved
 * volunteer and centre, in the message's metadata, so the command and query handlers see who acted (and the
 * {@code ActorMetaDataInterceptor} leaves a message that names its actor alone). A signed-in coordinator who opens a
 * link acts as the volunteer here, never as themselves.
 */
@Component
class PersonalLinkAccess {

    static final String UNKNOWN_CODE = "link.unknown";
    static final String UNKNOWN_MESSAGE = "Dieser Link ist ungültig oder abgelaufen.";

    private final CommandDispatcher commands;
    private final QueryDispatcher queries;

    PersonalLinkAccess(CommandDispatcher commands, QueryDispatcher queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** The volunteer the link belongs to, while it works; otherwise 404 {@code link.unknown}, whatever the reason. */
    Holder resolve(String token) {
        if (!VolunteerLinkTokens.wellFormed(token)) {
            throw unknown();
        }
        VolunteerLinkResolution resolution;
        try {
            resolution = ask(Actor.PERSONAL_LINK, new ResolveVolunteerLinkQuery(VolunteerLinkTokens.hash(token)),
                    VolunteerLinkResolution.class).orElseThrow(PersonalLinkAccess::unknown);
        } catch (NotFoundException | nrw.komman.kernel.common.ForbiddenException e) {
            throw unknown(); // revoked, expired, deactivated, erased: the same answer, naming nothing
        }
        return new Holder(resolution, Actor.volunteer(resolution.volunteerId().value(), resolution.centreId()));
    }

    static NotFoundException unknown() {
        return new NotFoundException(UNKNOWN_CODE, UNKNOWN_MESSAGE);
    }

    /** Sends a command as the actor and waits for the read models of the aggregate. */
    <R> R send(Actor actor, Object command, Object aggregateId) {
        return commands.sendAndAwait(GenericCommandMessage.asCommandMessage(command).andMetaData(actor.toMetaData()), aggregateId);
    }

    /** Asks a query as the actor. */
    <R> Optional<R> ask(Actor actor, Object query, Class<R> type) {
        return queries.optional(new GenericMessage<>(query, actor.toMetaData()), type);
    }

    /** The volunteer holding a working link, and the actor they act as. */
    record Holder(VolunteerLinkResolution link, Actor actor) {
    }
}
