package rapport.ingest;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Imports across a stop and a start. On start: imports left "running" by a process that died are marked
 * interrupted (all or nothing: none of their rows were committed) and their orphaned uploads deleted. On a
 * graceful stop: running imports get the grace period to finish; any still running then is aborted (its
 * transaction rolls back with its connection) and marked interrupted.
 */
@Singleton
class ImportLifecycle implements GracefulShutdownCapable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportLifecycle.class);

    private final ImportLog log;
    private final ImportUploads uploads;

    ImportLifecycle(ImportLog log, ImportUploads uploads) {
        this.log = log;
        this.uploads = uploads;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        List<Long> interrupted = log.markInterrupted();
        if (!interrupted.isEmpty()) {
            LOG.warn("Imports {} were running when the server last stopped: marked interrupted, nothing of them committed", interrupted);
        }
        int deleted = uploads.deleteOrphans();
        if (deleted > 0) {
            LOG.info("Deleted {} upload(s) left behind by a server that stopped", deleted);
        }
    }

    @Override
    public CompletionStage<?> shutdownGracefully() {
        if (log.runningIds().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        LOG.info("Shutting down: waiting for running imports {} to finish", log.runningIds());
        return CompletableFuture.runAsync(() -> {
            while (!log.runningIds().isEmpty()) {
                try {
                    TimeUnit.MILLISECONDS.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    @Override
    public OptionalLong reportActiveTasks() {
        return OptionalLong.of(log.runningIds().size());
    }

    /** After the grace period: whatever still runs will not commit. */
    @PreDestroy
    void abortRemaining() {
        if (!log.runningIds().isEmpty()) {
            LOG.warn("Shutting down with imports {} still running: they roll back and are marked interrupted", log.runningIds());
            try {
                log.markRunningInterrupted();
            } catch (RuntimeException e) {
                LOG.warn("Could not mark the imports interrupted; the next start will", e);
            }
        }
    }
}
