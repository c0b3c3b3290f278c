package rapport.metrics;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

/** {@link ConversationEquality} with the workspace in America/New_York. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationEqualityNewYorkTest extends ConversationEquality {

    @Override
    String zone() {
        return "America/New_York";
    }
}
