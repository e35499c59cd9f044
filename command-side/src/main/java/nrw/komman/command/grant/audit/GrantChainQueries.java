package nrw.komman.command.grant.audit;

import nrw.komman.command.grant.audit.GrantChainTables.GrantRows;
import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Permissions;
import nrw.komman.kernel.access.Scope;
import nrw.komman.kernel.audit.ChainVerification;
import nrw.komman.kernel.audit.VerifyGrantChainQuery;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.DomainException;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.NotFoundException;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Verifies a grant's hash chain against the event store, for the same readers as the grant's history:
 * grant authority, ministry and auditors every grant, coordinators their own centre's (the centre is
 * read from the grant's first event). The answer is computed on the command side because only here
 * are the stored events and the chain in reach, read in one statement.
 */
@Component
public class GrantChainQueries {

    private static final Pattern HEAD = Pattern.compile("[0-9a-fA-F]{64}");

    private final GrantChainTables tables;
    private final Clock clock;

    public GrantChainQueries(GrantChainTables tables, Clock clock) {
        this.tables = tables;
        this.clock = clock;
    }

    @QueryHandler
    public ChainVerification handle(VerifyGrantChainQuery query, MetaData metaData) {
        Actor actor = actor(metaData);
        Scope scope = Permissions.require(actor, Action.READ_GRANTS);
        if (query.grantId() == null) {
            throw new InvalidInputException("grantId.missing", "Die Kennung der Zuwendung fehlt.");
        }
        if (query.expectedHead() != null && !HEAD.matcher(query.expectedHead().trim()).matches()) {
            throw new InvalidInputException("chain.expected-head.malformed",
                    "Der erwartete Prüfwert muss aus 64 Hexadezimalzeichen bestehen.");
        }
        if (query.expectedLength() != null && query.expectedHead() == null) {
            throw new InvalidInputException("chain.expected-head.missing",
                    "Zur erwarteten Anzahl der Ereignisse fehlt der erwartete Prüfwert.");
        }
        if (query.expectedLength() != null && query.expectedLength() < 1) {
            throw new InvalidInputException("chain.expected-length.invalid",
                    "Die erwartete Anzahl der Ereignisse muss mindestens 1 sein.");
        }
        GrantRows rows = tables.rows(query.grantId().toString());
        if (rows.isEmpty()) {
            throw new NotFoundException("grant.not-found", "Diese Zuwendung ist nicht bekannt.");
        }
        // compared as text: a stored centre key that no longer parses is still not the coordinator's
        if (scope == Scope.OWN_CENTRE && !centreOf(rows).map(actor.centre().value()::equals).orElse(false)) {
            throw Action.READ_GRANTS.foreignCentreRefusal().exception();
        }
        return GrantChainVerifier.verify(query.grantId(), rows, query.expectedHead(), query.expectedLength(), clock.instant());
    }

    /** As the query side reads it: a query without an actor, or with a garbled one, is refused. */
    private static Actor actor(MetaData metaData) {
        try {
            return Actor.fromMetaData(metaData);
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ForbiddenException("actor.invalid", "Die Anfrage ist keinem gültigen Konto zugeordnet.");
        }
    }

    /** The centre in the payload of the grant's first event (the application); empty if it is gone or unreadable. */
    static Optional<String> centreOf(GrantRows rows) {
        return rows.events().stream()
                .filter(e -> e.sequenceNumber() == 0)
                .findFirst()
                .flatMap(first -> {
                    try {
                        Object payload = CanonicalJson.parse(CanonicalJson.decode(first.payload()));
                        return payload instanceof Map<?, ?> fields && fields.get("centreId") instanceof String centre
                                ? Optional.of(centre) : Optional.empty();
                    } catch (CanonicalJson.Malformed notJson) {
                        return Optional.empty();
                    }
                });
    }
}
