package nrw.komman.command.grant;

import nrw.komman.kernel.grant.GrantId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Reads the grant from its own events, inside the unit of work of the command that asks. */
@Component
public class AxonGrantRegistry implements GrantRegistry {

    private final Repository<Grant> grants;

    public AxonGrantRegistry(Repository<Grant> grants) {
        this.grants = grants;
    }

    @Override
    public Optional<GrantFacts> find(GrantId grantId) {
        try {
            return Optional.of(grants.load(grantId.toString()).invoke(Grant::facts));
        } catch (AggregateNotFoundException e) {
            return Optional.empty(); // no such grant
        }
    }
}
