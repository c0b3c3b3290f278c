package rapport.system;

/**
 * Published after stored data changed and the change committed (an import, an erasure, an account deleted):
 * everything computed from the data before it is stale. The one signal caches and precomputed figures listen to.
 */
public record DataChanged(String cause) {
}
