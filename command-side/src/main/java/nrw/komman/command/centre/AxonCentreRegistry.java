package nrw.komman.command.centre;

import nrw.komman.kernel.centre.CentreId;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Reads the centre from its own events, inside the unit of work of the command that asks. Loading
 * locks the centre for that unit of work, so a closing and a registration do not interleave.
 */
@Component
public class AxonCentreRegistry implements CentreRegistry {

    private final Repository<Centre> centres;

    public AxonCentreRegistry(Repository<Centre> centres) {
        this.centres = centres;
    }

    @Override
    public Optional<CentreFacts> find(CentreId centreId) {
        try {
            return Optional.of(centres.load(centreId.toString()).invoke(Centre::facts));
        } catch (AggregateNotFoundException e) {
            return Optional.empty(); // never established
        }
    }
}
