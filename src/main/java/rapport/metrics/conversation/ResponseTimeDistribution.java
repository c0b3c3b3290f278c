package rapport.metrics.conversation;

import java.util.ArrayList;
import java.util.List;

/** How long inbound turns starting in a range waited for the brand's answer, in buckets people read. */
public final class ResponseTimeDistribution {

    public record Bucket(String label, long count) {
    }

    public record Report(String scope, List<Bucket> buckets, long answered, long unanswered) {
    }

    private static final long MINUTE = 60_000_000L;
    private static final long[] UPPER = {15 * MINUTE, 60 * MINUTE, 4 * 60 * MINUTE, 24 * 60 * MINUTE, 3 * 24 * 60 * MINUTE, Long.MAX_VALUE};
    private static final String[] LABELS = {"< 15 min", "15–60 min", "1–4 h", "4–24 h", "1–3 days", "> 3 days"};

    private ResponseTimeDistribution() {
    }

    /** The buckets' upper bounds in microseconds, but the last bucket's (it has none): what SQL buckets by. */
    public static long[] upperBoundsMicros() {
        return java.util.Arrays.copyOf(UPPER, UPPER.length - 1);
    }

    /**
     * The report of periods' turns, each period's answered ones counted per bucket (in the order of
     * {@link #upperBoundsMicros()}, then the open one), then its unanswered ones: the periods' sum.
     */
    public static Report of(String scope, List<List<Long>> periods) {
        long[] counts = new long[UPPER.length];
        long unanswered = 0;
        for (List<Long> p : periods) {
            for (int b = 0; b < UPPER.length; b++) {
                counts[b] += p.get(b);
            }
            unanswered += p.get(UPPER.length);
        }
        return of(scope, counts, unanswered);
    }

    /** The report of answered turns counted per bucket (in the order of {@link #upperBoundsMicros()}, then the open one). */
    public static Report of(String scope, long[] counts, long unanswered) {
        List<Bucket> buckets = new ArrayList<>();
        long answered = 0;
        for (int b = 0; b < UPPER.length; b++) {
            buckets.add(new Bucket(LABELS[b], counts[b]));
            answered += counts[b];
        }
        return new Report(scope, buckets, answered, unanswered);
    }
}
