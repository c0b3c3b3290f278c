package rapport.metrics.freshness;

/** A cache key of one scope's figures, so that a change to some accounts evicts only what they are part of. */
public interface ScopeKeyed {

    DataVersions.ScopeVersion scope();
}
