package rapport.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.cache.SyncCache;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import rapport.RapportApi;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the kept-periods tests check after a change: asked again, so many periods of the metrics were kept and the
 * rest computed, and every answer is the one computed whole, with nothing cached or kept.
 */
@Singleton
class KeptPeriodsCheck {

    private final MeterRegistry registry;
    private final List<SyncCache<?>> caches;

    KeptPeriodsCheck(MeterRegistry registry, @Named("metric-series") SyncCache<?> series,
                     @Named("metric-reports") SyncCache<?> reports, @Named("metric-periods") SyncCache<?> kept,
                     @Named("person-figures") SyncCache<?> personFigures) {
        this.registry = registry;
        this.caches = List.of(series, reports, kept, personFigures);
    }

    /** The first uri is the metrics request of {@code periods} periods; the others views of the same range. */
    void assertKeptAndWholeEqual(RapportApi api, int periodsKept, int periods, String... uris) {
        double keptBefore = count("kept");
        double computedBefore = count("computed");
        List<String> served = ask(api, uris);
        assertEquals(periodsKept, count("kept") - keptBefore, 0.0, "periods kept");
        assertEquals(periods - periodsKept, count("computed") - computedBefore, 0.0, "periods computed again");
        assertAsComputedWhole(api, uris, served);
    }

    List<String> ask(RapportApi api, String... uris) {
        List<String> served = new ArrayList<>();
        for (String uri : uris) {
            served.add(api.get(uri));
        }
        return served;
    }

    /** What was served for each uri is what it gives with nothing cached or kept. */
    void assertAsComputedWhole(RapportApi api, String[] uris, List<String> served) {
        caches.forEach(SyncCache::invalidateAll);
        for (int i = 0; i < uris.length; i++) {
            assertEquals(api.get(uris[i]), served.get(i), uris[i] + " as computed whole");
        }
    }

    private double count(String outcome) {
        return registry.counter("rapport.metrics.periods", "outcome", outcome).count();
    }
}
