package rapport.system;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Pieces of one request's work done at once, so that its statements and passes use every core instead of taking
 * turns. They run on the I/O executor, platform threads on any JDK: callers wait for them inside cache
 * computations, which must not pin the few carrier threads of virtual ones. A failure is thrown as it was thrown.
 */
@Singleton
public class SideBySide {

    private final ExecutorService executor;

    SideBySide(@Named(TaskExecutors.IO) ExecutorService executor) {
        this.executor = executor;
    }

    /** Starts the work beside the caller's; {@link #join} gives its result. */
    public <T> CompletableFuture<T> start(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor);
    }

    /** Every piece's result, in order: the first piece done by the caller, the others beside it. */
    public <T> List<T> all(List<Supplier<T>> pieces) {
        if (pieces.isEmpty()) {
            return List.of();
        }
        List<CompletableFuture<T>> others = pieces.subList(1, pieces.size()).stream().map(this::start).toList();
        List<T> results = new ArrayList<>(pieces.size());
        results.add(pieces.get(0).get());
        others.forEach(other -> results.add(join(other)));
        return results;
    }

    /** The result of work started beside the caller's, its failure thrown as it was thrown. */
    public static <T> T join(CompletableFuture<T> started) {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
