package rapport;

import io.micronaut.test.support.TestPropertyProvider;

import java.util.Map;

/** Implemented by a {@code @MicronautTest(...) @TestInstance(PER_CLASS)} class to run against its own empty database. */
public interface FreshDatabase extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        return TestDatabase.fresh();
    }
}
