package rapport.metrics;

import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;

import java.util.List;
import java.util.Map;

/**
 * Metrics computed together from the facts kept in PostgreSQL at import time, for any set of accounts and any
 * consecutive periods: one point per period, in order, equal to what the tests' in-memory reference engine gives.
 * A period's point depends on the period alone, not on the others asked with it; unless the family says otherwise
 * ({@link #keptAcrossChanges}) it moves only with data (or facts) dated before the period's end, or with facts
 * dated in it: so a change logged from an instant on (DataVersions) leaves every period ending at or before that
 * instant as it was.
 */
public interface MetricFamily {

    List<Metric> metrics();

    Map<Metric, List<MetricPoint>> compute(List<Integer> accountIds, Grain grain, List<Period> periods);

    /**
     * Whether a period's points may be kept across a change that cannot reach it (see above). False for a family
     * computed for every period asked, each time: it reads all of the scope's facts whatever the periods (one pass
     * over the person days, shared with the tiers and cohorts of the range), and its NPS counts the answers of
     * persons active in the accounts at any time, so a person's first message can move an earlier period.
     */
    default boolean keptAcrossChanges() {
        return true;
    }

    /** Brings derived facts that are kept after the writer's commit up to date (they log their changes then). */
    default void bringUpToDate(List<Integer> accountIds) {
    }

    /**
     * Whether the scope's figures join its accounts' facts in ways not kept per row (a thread or template group
     * across two of its accounts, derived for the scope when asked): then a change in one account can move an
     * earlier period of the other, and the scope's figures are computed whole after any change.
     */
    default boolean joinsAccounts(List<Integer> accountIds) {
        return false;
    }
}
