package rapport.summary;

import rapport.FreshDatabase;
import rapport.TestDatabase;

import java.util.HashMap;
import java.util.Map;

/** {@link FreshDatabase} on a free port: another Rapport on this machine may hold 8080. */
public interface FreshDatabaseAnyPort extends FreshDatabase {

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestDatabase.fresh());
        properties.put("micronaut.server.port", "-1");
        // a cold PDF (fonts, Batik, JFreeChart loading) on a busy machine can take longer than the default 10 s
        properties.put("micronaut.http.client.read-timeout", "60s");
        return properties;
    }
}
