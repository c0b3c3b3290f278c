package rapport.metrics.memory;

import java.util.List;

/** An account in scope with its promotional-message settings. */
public record ScopeAccount(int id, String network, String handle, List<String> promoPhrases, List<String> ownDomains) {
}
