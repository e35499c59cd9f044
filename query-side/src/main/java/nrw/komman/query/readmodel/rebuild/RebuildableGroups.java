package nrw.komman.query.readmodel.rebuild;

import nrw.komman.query.common.RebuildableProjection;
import nrw.komman.query.common.TableNames;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What can be rebuilt: the live processors whose projections all take part in rebuilds
 * ({@link RebuildableProjection}), the tables they write, and the projections' own copies of
 * themselves over a new generation of those tables (ADR 17).
 */
final class RebuildableGroups {

    private final ApplicationContext context;
    private final EventProcessingConfiguration processing;
    private final Map<String, List<Object>> projectionsByGroup = new ConcurrentHashMap<>();

    RebuildableGroups(ApplicationContext context, EventProcessingConfiguration processing) {
        this.context = context;
        this.processing = processing;
    }

    /** The tables each processing group's projections write; empty for a group not all of whose projections take part. */
    List<String> tablesOf(String group) {
        Set<String> tables = new LinkedHashSet<>();
        for (Object projection : projectionsOf(group)) {
            if (!(projection instanceof RebuildableProjection rebuildable)) {
                return List.of();
            }
            tables.addAll(rebuildable.tables().tables());
        }
        return List.copyOf(tables);
    }

    /** The group's projections' copies of themselves over the generation's tables, checked to be copies. */
    List<Object> copiesOver(String group, int generation) {
        return projectionsOf(group).stream().map(projection -> copyOf(projection, generation)).toList();
    }

    /** Fails, before anything is claimed or created, if a projection of the group does not make a proper copy of itself. */
    void checkCopies(String group) {
        copiesOver(group, 1); // copies are plain objects: made and dropped
    }

    private static Object copyOf(Object projection, int generation) {
        RebuildableProjection live = (RebuildableProjection) projection;
        TableNames tables = live.tables().inGeneration(generation);
        RebuildableProjection copy = live.copyOver(tables);
        if (copy == null || copy == live || copy.getClass() != AopUtils.getTargetClass(projection) || !tables.equals(copy.tables())) {
            throw new IllegalStateException(AopUtils.getTargetClass(projection).getName()
                    + ".copyOver must return a new instance of its own class over " + tables);
        }
        return copy;
    }

    /** The group's projection beans, looked up once: every status request and health probe asks for them. */
    private List<Object> projectionsOf(String group) {
        return projectionsByGroup.computeIfAbsent(group, g -> context.getBeansWithAnnotation(ProcessingGroup.class).values().stream()
                .filter(bean -> g.equals(AnnotationUtils.findAnnotation(AopUtils.getTargetClass(bean), ProcessingGroup.class).value()))
                .sorted(Comparator.comparing(bean -> AopUtils.getTargetClass(bean).getName()))
                .toList());
    }

    /** The live processors of every group, rebuildable or not. */
    List<StreamingEventProcessor> liveProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .sorted(Comparator.comparing(StreamingEventProcessor::getName))
                .toList();
    }

    Optional<StreamingEventProcessor> liveProcessor(String group) {
        return liveProcessors().stream().filter(p -> p.getName().equals(group)).findFirst();
    }
}
