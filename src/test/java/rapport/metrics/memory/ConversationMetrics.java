package rapport.metrics.memory;

import rapport.metrics.MetricValue;
import rapport.metrics.period.Period;

import java.util.HashSet;
import java.util.Set;

/** conversations, deep_conversation_share, conversations_per_1k_followers (METRICS.md §4). */
final class ConversationMetrics {

    private ConversationMetrics() {
    }

    /** Distinct threads with at least one cross-party reply created in P. */
    static MetricValue conversations(ScopeFacts f, Period p) {
        return MetricValue.count(conversationRoots(f, p).size());
    }

    /** Share of conversations whose thread has ≥ 3 cross-party replies created before P's end. */
    static MetricValue deepConversationShare(ScopeFacts f, Period p) {
        Set<Integer> roots = conversationRoots(f, p);
        long deep = roots.stream().filter(r -> f.crossPartyRepliesBefore(r, p.endMicros()) >= 3).count();
        return MetricValue.ratio(deep, roots.size());
    }

    /** 1000 × conversations / followers; null without a follower snapshot (or with zero followers). */
    static MetricValue conversationsPer1kFollowers(ScopeFacts f, Period p) {
        Long followers = FollowerMetrics.followersBefore(f, p.end());
        if (followers == null || followers == 0) {
            return new MetricValue(null, followers);
        }
        return new MetricValue(1000.0 * conversationRoots(f, p).size() / followers, followers);
    }

    private static Set<Integer> conversationRoots(ScopeFacts f, Period p) {
        ScopeData d = f.data;
        Set<Integer> roots = new HashSet<>();
        for (int i = d.firstAtOrAfter(p.startMicros()), end = d.firstAtOrAfter(p.endMicros()); i < end; i++) {
            if (d.isCrossPartyReply(i)) {
                roots.add(f.root[i]);
            }
        }
        return roots;
    }
}
