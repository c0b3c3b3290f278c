package rapport.system;

import org.slf4j.Logger;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one task in the background, on a daemon thread of its own, whenever asked; asks that come while a run
 * is already waiting are that run: it starts after them and sees every change made before it starts. A failed
 * run is logged; the next ask runs the task again.
 */
public final class CoalescingWorker {

    private final Runnable task;
    private final Logger log;
    private final String failure;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService thread;

    /** {@code failure}: what the log says when a run fails (what it means for the figures). */
    public CoalescingWorker(String threadName, Runnable task, Logger log, String failure) {
        this.task = task;
        this.log = log;
        this.failure = failure;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    public void schedule() {
        if (queued.compareAndSet(false, true)) {
            thread.submit(() -> {
                queued.set(false);
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn(failure, e);
                }
            });
        }
    }

    public void stop() {
        thread.shutdownNow();
    }
}
