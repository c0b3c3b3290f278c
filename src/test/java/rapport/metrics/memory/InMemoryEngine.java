package rapport.metrics.memory;

import rapport.metrics.Metric;
import rapport.metrics.MetricPoint;
import rapport.metrics.MetricValue;
import rapport.metrics.period.Period;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The first engine: every metric computed in the JVM from all of a scope's messages, loaded at once. The product
 * no longer ships it (its heap grew with the scope's messages); the tests keep it as the reference the fact
 * families are proven equal to, cell by cell.
 */
public final class InMemoryEngine {

    private InMemoryEngine() {
    }

    /** Every metric's points for the scope's facts and the consecutive periods. */
    public static Map<Metric, List<MetricPoint>> compute(ScopeFacts scopeFacts, List<Period> periods) {
        Map<Metric, List<MetricPoint>> series = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            List<MetricPoint> points = new ArrayList<>(periods.size());
            for (Period period : periods) {
                MetricValue value = compute(metric, scopeFacts, period);
                points.add(new MetricPoint(period.start(), period.end(), value.value(), value.n()));
            }
            series.put(metric, points);
        }
        return series;
    }

    /** One metric for one period, by the class of its family. */
    static MetricValue compute(Metric metric, ScopeFacts f, Period p) {
        return switch (metric) {
            case CONVERSATIONS -> ConversationMetrics.conversations(f, p);
            case CONVERSATIONS_PER_1K_FOLLOWERS -> ConversationMetrics.conversationsPer1kFollowers(f, p);
            case DEEP_CONVERSATION_SHARE -> ConversationMetrics.deepConversationShare(f, p);
            case ACTIVE_INTERACTORS -> InteractorMetrics.activeInteractors(f, p);
            case NEW_INTERACTORS -> InteractorMetrics.newInteractors(f, p);
            case REPEAT_INTERACTORS -> InteractorMetrics.repeatInteractors(f, p);
            case REPEAT_RATE -> InteractorMetrics.repeatRate(f, p);
            case ADVOCATES -> InMemoryTiers.advocates(f, p);
            case RESPONSE_RATE -> ResponseMetrics.responseRate(f, p);
            case RESPONSE_WITHIN_SLA_RATE -> ResponseMetrics.responseWithinSlaRate(f, p);
            case MEDIAN_RESPONSE_MINUTES -> ResponseMetrics.medianResponseMinutes(f, p);
            case P90_RESPONSE_MINUTES -> ResponseMetrics.p90ResponseMinutes(f, p);
            case RECIPROCITY -> ResponseMetrics.reciprocity(f, p);
            case CANNED_REPLY_SHARE -> BrandVoiceMetrics.cannedReplyShare(f, p);
            case PERSONALIZATION_SCORE -> BrandVoiceMetrics.personalizationScore(f, p);
            case CONVERSATION_RATIO -> BrandVoiceMetrics.conversationRatio(f, p);
            case PROMOTIONAL_SHARE -> BrandVoiceMetrics.promotionalShare(f, p);
            case FOLLOWERS -> FollowerMetrics.followers(f, p);
            case FOLLOWER_GROWTH -> FollowerMetrics.followerGrowth(f, p);
            case AMPLIFICATION_PER_POST -> BrandVoiceMetrics.amplificationPerPost(f, p);
            case APPLAUSE_PER_POST -> BrandVoiceMetrics.applausePerPost(f, p);
            case NPS -> NpsMetric.nps(f, p);
        };
    }
}
