package nrw.komman.query.common;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A projection's changes collected over one batch of its event processor and written once, just
 * before the batch's transaction commits: a JDBC batch per statement instead of a round trip per
 * event and statement. The token of the batch is stored in the same transaction, so the rows and
 * the position still move together (docs/performance.md: batched projection writes).
 *
 * <p>Outside a unit of work (a handler called directly) every change is written at once.
 *
 * @param <B> what the projection collects; it must answer its own reads of rows it changed in the
 *            batch, because they reach the database only at the end
 */
public final class PerBatch<B> {

    /** One resource per projection instance: a rebuild's copy of a projection has a batch of its own. */
    private final String key = PerBatch.class.getName() + "#" + UUID.randomUUID();
    private final Supplier<B> create;
    private final Consumer<B> write;

    public PerBatch(Supplier<B> create, Consumer<B> write) {
        this.create = create;
        this.write = write;
    }

    /** Applies a change to the current batch's collection (written before the batch commits). */
    public void change(Consumer<B> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            B batch = create.get();
            change.accept(batch);
            write.accept(batch);
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        B batch = root.getOrComputeResource(key, k -> {
            B created = create.get();
            root.onPrepareCommit(u -> write.accept(created));
            return created;
        });
        change.accept(batch);
    }
}
