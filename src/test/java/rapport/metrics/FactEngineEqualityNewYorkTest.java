package rapport.metrics;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

/** {@link FactEngineEquality} with the workspace in America/New_York. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FactEngineEqualityNewYorkTest extends FactEngineEquality {

    @Override
    String zone() {
        return "America/New_York";
    }
}
