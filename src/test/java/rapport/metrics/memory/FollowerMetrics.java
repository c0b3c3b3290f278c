package rapport.metrics.memory;

import rapport.metrics.MetricValue;
import rapport.metrics.period.Period;

import java.time.LocalDate;
import java.util.List;

/** followers and follower_growth (METRICS.md §4): context, never the headline. */
final class FollowerMetrics {

    private FollowerMetrics() {
    }

    /** Sum over the accounts of the latest snapshot dated before P's end; null when there is none. */
    static MetricValue followers(ScopeFacts f, Period p) {
        Long followers = followersBefore(f, p.end());
        return new MetricValue(followers == null ? null : followers.doubleValue(), null);
    }

    /** followers at P's end − followers at P's start (the latest snapshots dated before each). */
    static MetricValue followerGrowth(ScopeFacts f, Period p) {
        Long end = followersBefore(f, p.end());
        Long start = followersBefore(f, p.start());
        return new MetricValue(end == null || start == null ? null : (double) (end - start), null);
    }

    /** Accounts without a snapshot before the day add nothing; null when no account has one. */
    static Long followersBefore(ScopeFacts f, LocalDate day) {
        Long sum = null;
        for (List<ScopeFacts.FollowerSnapshot> snapshots : f.followersByAccount.values()) {
            ScopeFacts.FollowerSnapshot latest = null;
            for (ScopeFacts.FollowerSnapshot s : snapshots) {
                if (s.day().isBefore(day)) {
                    latest = s;
                } else {
                    break;
                }
            }
            if (latest != null) {
                sum = (sum == null ? 0 : sum) + latest.followers();
            }
        }
        return sum;
    }
}
