package rapport.metrics.freshness;

import com.github.benmanes.caffeine.cache.Cache;
import io.micronaut.cache.SyncCache;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import rapport.system.DataChanged;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Early release of what new data versions made unreachable, in every cache keyed by a scope's versions.
 * Correctness never waits for it (a request reads the versions and misses a stale key anyway); it only frees memory.
 */
@Singleton
class StaleFiguresEviction {

    private final DataVersions versions;
    private final List<SyncCache<?>> caches;

    StaleFiguresEviction(DataVersions versions, @Named("metric-series") SyncCache<?> series,
                         @Named("metric-reports") SyncCache<?> reports, @Named("person-figures") SyncCache<?> personFigures) {
        this.versions = versions;
        this.caches = List.of(series, reports, personFigures);
    }

    /**
     * Entries of scopes holding a changed account whose versions are no longer current go. Other accounts'
     * figures, and figures already computed from the new data, stay, however often the same change is announced
     * (by this instance and by the database's notification).
     */
    @EventListener
    public void onDataChanged(DataChanged event) {
        Map<List<Integer>, String> current = new HashMap<>();
        for (SyncCache<?> each : caches) {
            if (each.getNativeCache() instanceof Cache<?, ?> caffeine) {
                caffeine.asMap().keySet().removeIf(key -> !(key instanceof ScopeKeyed scoped)
                        || event.affects(scoped.scope().accountIds())
                        && !scoped.scope().versions().equals(current.computeIfAbsent(scoped.scope().accountIds(),
                                ids -> versions.of(ids).versions())));
            } else {
                each.invalidateAll();
            }
        }
    }
}
