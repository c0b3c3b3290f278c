package rapport.metrics;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

/** {@link VoiceEngineEquality} with the workspace in Asia/Kathmandu. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoiceEngineEqualityKathmanduTest extends VoiceEngineEquality {

    @Override
    String zone() {
        return "Asia/Kathmandu";
    }
}
