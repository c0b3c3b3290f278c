package rapport.metrics.memory;

import rapport.metrics.MetricValue;
import rapport.metrics.period.Period;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * response_rate, response_within_sla_rate, median_response_minutes, p90_response_minutes, reciprocity
 * (METRICS.md §4), over the inbound turns starting in P.
 */
final class ResponseMetrics {

    private static final double MICROS_PER_MINUTE = 60_000_000.0;

    private ResponseMetrics() {
    }

    static MetricValue responseRate(ScopeFacts f, Period p) {
        List<Turn> turns = startingIn(f, p);
        return MetricValue.ratio(turns.stream().filter(Turn::answered).count(), turns.size());
    }

    /** Answered with a response time of at most the SLA. */
    static MetricValue responseWithinSlaRate(ScopeFacts f, Period p) {
        List<Turn> turns = startingIn(f, p);
        return MetricValue.ratio(turns.stream().filter(t -> t.answered() && t.responseMicros() <= f.slaMicros).count(), turns.size());
    }

    /** Median of an even count is the mean of the two middle values. */
    static MetricValue medianResponseMinutes(ScopeFacts f, Period p) {
        double[] minutes = answeredMinutes(f, p);
        if (minutes.length == 0) {
            return new MetricValue(null, 0L);
        }
        int mid = minutes.length / 2;
        double median = minutes.length % 2 == 1 ? minutes[mid] : (minutes[mid - 1] + minutes[mid]) / 2;
        return new MetricValue(median, (long) minutes.length);
    }

    /** Nearest rank: the value at rank ⌈0.9 · n⌉. */
    static MetricValue p90ResponseMinutes(ScopeFacts f, Period p) {
        double[] minutes = answeredMinutes(f, p);
        if (minutes.length == 0) {
            return new MetricValue(null, 0L);
        }
        int rank = (int) Math.ceil(0.9 * minutes.length);
        return new MetricValue(minutes[Math.max(rank, 1) - 1], (long) minutes.length);
    }

    /** Persons who opened a turn in P with at least one answered / persons who opened a turn in P. */
    static MetricValue reciprocity(ScopeFacts f, Period p) {
        Set<Integer> opened = new HashSet<>();
        Set<Integer> answered = new HashSet<>();
        for (Turn turn : startingIn(f, p)) {
            opened.add(turn.person());
            if (turn.answered()) {
                answered.add(turn.person());
            }
        }
        return MetricValue.ratio(answered.size(), opened.size());
    }

    private static double[] answeredMinutes(ScopeFacts f, Period p) {
        double[] minutes = startingIn(f, p).stream().filter(Turn::answered)
                .mapToDouble(t -> t.responseMicros() / MICROS_PER_MINUTE).toArray();
        Arrays.sort(minutes);
        return minutes;
    }

    static List<Turn> startingIn(ScopeFacts f, Period p) {
        return f.turns.subList(index(f.turnStarts, p.startMicros()), index(f.turnStarts, p.endMicros()));
    }

    private static int index(long[] sorted, long micros) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < micros) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
