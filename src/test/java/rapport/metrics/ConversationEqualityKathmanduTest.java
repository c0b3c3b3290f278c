package rapport.metrics;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

/** {@link ConversationEquality} with the workspace in Asia/Kathmandu. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationEqualityKathmanduTest extends ConversationEquality {

    @Override
    String zone() {
        return "Asia/Kathmandu";
    }
}
