package rapport.metrics;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

/** {@link ConversationEquality} with the workspace in UTC. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationEqualityUtcTest extends ConversationEquality {

    @Override
    String zone() {
        return "UTC";
    }
}
