package nrw.komman.query.centre;

import nrw.komman.kernel.budget.BudgetSetEvent;
import nrw.komman.kernel.centre.CentreId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.springframework.stereotype.Component;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;

/**
 * Sequences events by the centre they belong to: every centre, volunteer, activity and grant event
 * carries a {@code centreId()}. All rows of one centre are then written by one thread in event
 * order, so update-then-insert needs no locks and per-centre aggregates never race. Events without
 * a centre fall back to their aggregate (or, lacking one, to their own identifier).
 *
 * <p>Budgets: a centre's budget follows its centre; a state-wide budget (no centre) is sequenced by
 * its budget id (e.g. {@code 2026/PART_I}), the same key whichever way the event arrives, so the
 * amounts of one budget row are always written in order. Budget use is summed when asked, so no
 * budget event has to be ordered with grant events.
 *
 * <p>The application configures the processors {@code centre-views} and {@code grant-views} with
 * this bean.
 */
@Component(CentreSequencingPolicy.BEAN_NAME)
public class CentreSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    public static final String BEAN_NAME = "centreSequencingPolicy";

    /** The key of a state-wide budget event that (unexpectedly) names no budget. */
    static final String BUDGETS = "budgets";

    private static final ClassValue<Optional<Method>> CENTRE_ACCESSOR = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            try {
                Method method = type.getMethod("centreId");
                boolean usable = method.getParameterCount() == 0
                        && !Modifier.isStatic(method.getModifiers())
                        && (method.getReturnType() == CentreId.class || method.getReturnType() == String.class);
                return usable ? Optional.of(method) : Optional.empty();
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        }
    };

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object centre = centreOf(event.getPayload());
        if (centre != null) {
            return centre;
        }
        if (event.getPayload() instanceof BudgetSetEvent budget) {
            return budget.budgetId() != null ? budget.budgetId().toString() : BUDGETS;
        }
        if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getAggregateIdentifier() != null) {
            return domainEvent.getAggregateIdentifier();
        }
        return event.getIdentifier();
    }

    /** The centre key of a payload, or null when it names none. */
    static String centreOf(Object payload) {
        if (payload == null) {
            return null;
        }
        Optional<Method> accessor = CENTRE_ACCESSOR.get(payload.getClass());
        if (accessor.isEmpty()) {
            return null;
        }
        try {
            Object centre = accessor.get().invoke(payload);
            return centre == null ? null : centre.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
