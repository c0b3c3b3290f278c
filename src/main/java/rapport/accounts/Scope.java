package rapport.accounts;

import java.util.List;

/** The accounts a figure is computed for; {@code label} is "all" or the requested keys joined by "+". */
public record Scope(String label, List<Integer> accountIds) {
}
