package rapport.metrics;

import jakarta.inject.Singleton;

import java.util.concurrent.atomic.AtomicLong;

/** Counts changes to the data; cached results carry the version they were computed from. */
@Singleton
public class DataVersion {
    private final AtomicLong version = new AtomicLong();

    public long current() {
        return version.get();
    }

    void bump() {
        version.incrementAndGet();
    }
}
