package rapport.metrics.memory;

import rapport.metrics.MetricValue;
import rapport.metrics.period.Period;

/**
 * How the brand talks (METRICS.md §4): canned_reply_share, personalization_score, conversation_ratio,
 * promotional_share, and the per-post context metrics amplification_per_post and applause_per_post.
 */
final class BrandVoiceMetrics {

    private BrandVoiceMetrics() {
    }

    /** Brand replies created in P that belong to a template group / brand replies created in P. */
    static MetricValue cannedReplyShare(ScopeFacts f, Period p) {
        long[] counts = count(f, p, (d, i) -> d.isBrandReply(i) && f.canned[i], ScopeData::isBrandReply);
        return MetricValue.ratio(counts[0], counts[1]);
    }

    /** 100 × (1 − canned_reply_share). */
    static MetricValue personalizationScore(ScopeFacts f, Period p) {
        MetricValue canned = cannedReplyShare(f, p);
        return new MetricValue(canned.value() == null ? null : 100 * (1 - canned.value()), canned.n());
    }

    /** Brand replies / brand messages that are not reactions, created in P. */
    static MetricValue conversationRatio(ScopeFacts f, Period p) {
        long[] counts = count(f, p, ScopeData::isBrandReply, (d, i) -> d.fromBrand[i] && d.kind[i] != MessageKind.REACTION);
        return MetricValue.ratio(counts[0], counts[1]);
    }

    /** Promotional brand messages without in_reply_to / brand messages without in_reply_to, created in P. */
    static MetricValue promotionalShare(ScopeFacts f, Period p) {
        long[] counts = count(f, p, (d, i) -> d.isBrandPost(i) && f.promotional[i], ScopeData::isBrandPost);
        return MetricValue.ratio(counts[0], counts[1]);
    }

    /** Shares by persons in P / brand messages without in_reply_to in P. */
    static MetricValue amplificationPerPost(ScopeFacts f, Period p) {
        long[] counts = count(f, p, (d, i) -> !d.fromBrand[i] && d.kind[i] == MessageKind.SHARE, ScopeData::isBrandPost);
        return MetricValue.ratio(counts[0], counts[1]);
    }

    /** Reactions by persons in P / brand messages without in_reply_to in P. */
    static MetricValue applausePerPost(ScopeFacts f, Period p) {
        long[] counts = count(f, p, (d, i) -> !d.fromBrand[i] && d.kind[i] == MessageKind.REACTION, ScopeData::isBrandPost);
        return MetricValue.ratio(counts[0], counts[1]);
    }

    private interface MessageTest {
        boolean test(ScopeData d, int i);
    }

    /** {numerator, denominator}: messages created in P passing each test. */
    private static long[] count(ScopeFacts f, Period p, MessageTest numerator, MessageTest denominator) {
        ScopeData d = f.data;
        long[] counts = new long[2];
        for (int i = d.firstAtOrAfter(p.startMicros()), end = d.firstAtOrAfter(p.endMicros()); i < end; i++) {
            if (numerator.test(d, i)) {
                counts[0]++;
            }
            if (denominator.test(d, i)) {
                counts[1]++;
            }
        }
        return counts;
    }
}
