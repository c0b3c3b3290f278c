package rapport.system;

import java.util.Collection;
import java.util.Set;

/**
 * Published after stored data changed and the change committed (an import, an erasure, an account deleted):
 * everything computed from the named accounts' data before it is stale. The one signal caches and precomputed
 * figures listen to, to let go early of what the data versions (migration V10) already make unreachable.
 *
 * @param accountIds the accounts whose data changed; null when not known (then every account's)
 */
public record DataChanged(String cause, Set<Integer> accountIds) {

    public DataChanged {
        accountIds = accountIds == null ? null : Set.copyOf(accountIds);
    }

    /** Some data changed, which accounts' is not known: everything is stale. */
    public DataChanged(String cause) {
        this(cause, null);
    }

    public static DataChanged ofAccounts(String cause, Collection<Integer> accountIds) {
        return new DataChanged(cause, Set.copyOf(accountIds));
    }

    /** Whether figures of these accounts may have changed. */
    public boolean affects(Collection<Integer> ids) {
        return accountIds == null || ids.stream().anyMatch(accountIds::contains);
    }
}
