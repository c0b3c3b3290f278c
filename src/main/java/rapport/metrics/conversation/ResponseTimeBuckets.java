package rapport.metrics.conversation;

import io.micronaut.cache.SyncCache;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import rapport.metrics.freshness.DataVersions;
import rapport.metrics.freshness.PeriodsKept;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;

import java.util.List;

/**
 * The response-time buckets of a range as the sum of its periods' (a turn belongs to the period it starts in),
 * each period's counts kept across changes that cannot reach it ({@link PeriodsKept}): after a day's import only
 * the last periods' turns are read again.
 */
@Singleton
public class ResponseTimeBuckets {

    private final ConversationFamilies conversations;
    private final PeriodsKept<List<Long>> kept;

    ResponseTimeBuckets(ConversationFamilies conversations, DataVersions versions,
                        @Named("metric-periods") SyncCache<?> cache) {
        this.conversations = conversations;
        this.kept = new PeriodsKept<>("response-times", versions, cache);
    }

    /** The turns starting in the periods (consecutive, in order), the scope's data being at {@code version}. */
    public ResponseTimeDistribution.Report of(List<Integer> accountIds, DataVersions.ScopeVersion version, Grain grain,
                                              List<Period> periods, String scope) {
        return ResponseTimeDistribution.of(scope, kept.of(accountIds, version, grain, periods,
                () -> conversations.joinsAccounts(accountIds), run -> conversations.responseTimeCounts(accountIds, run)).values());
    }
}
