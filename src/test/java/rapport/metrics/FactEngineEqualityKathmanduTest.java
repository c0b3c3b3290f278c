package rapport.metrics;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

/** {@link FactEngineEquality} with the workspace in Asia/Kathmandu. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FactEngineEqualityKathmanduTest extends FactEngineEquality {

    @Override
    String zone() {
        return "Asia/Kathmandu";
    }
}
