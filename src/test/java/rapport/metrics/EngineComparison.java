package rapport.metrics;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import rapport.FreshDatabase;
import rapport.metrics.memory.ReferenceFacts;
import rapport.metrics.rollup.RollupRefresher;
import rapport.system.Database;

import java.util.Map;

/**
 * What every engine-equality test shares: the application over HTTP, the in-memory reference engine, the
 * rollups' periods, the database, and the workspace time zone its subclass runs in.
 */
abstract class EngineComparison implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    ReferenceFacts facts;

    @Inject
    RollupRefresher refresher;

    @Inject
    Database database;

    abstract String zone();

    @Override
    public Map<String, String> getProperties() {
        return EngineComparisonData.properties(zone());
    }
}
