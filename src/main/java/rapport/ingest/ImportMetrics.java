package rapport.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Imports as Prometheus sees them (/prometheus): rows by outcome, and how long imports take, by format and state. */
@Singleton
class ImportMetrics {

    private final MeterRegistry registry;
    private final Map<Long, Started> started = new ConcurrentHashMap<>();

    private record Started(ImportFormat format, long nanos) {
    }

    ImportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void started(long importId, ImportFormat format) {
        started.put(importId, new Started(format, System.nanoTime()));
    }

    void finished(long importId, String state, ImportCounts counts) {
        Started start = started.remove(importId);
        String format = start == null ? "unknown" : start.format().key();
        if (start != null) {
            Timer.builder("rapport.import.duration").description("Time an import took, from its upload to its commit")
                    .tag("format", format).tag("state", state).register(registry)
                    .record(System.nanoTime() - start.nanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
        }
        rows(format, "read", counts.rowsRead);
        rows(format, "inserted", counts.inserted);
        rows(format, "updated", counts.updated);
        rows(format, "rejected", counts.rejected());
        rows(format, "unattributed", counts.unattributed());
    }

    private void rows(String format, String outcome, long n) {
        Counter.builder("rapport.import.rows").description("Rows of imports, by what became of them")
                .tag("format", format).tag("outcome", outcome).register(registry).increment(n);
    }
}
