package rapport.metrics.voice;

import jakarta.inject.Singleton;
import rapport.metrics.Metric;
import rapport.metrics.MetricFamily;
import rapport.metrics.MetricPoint;
import rapport.metrics.MetricValue;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;
import rapport.system.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * canned_reply_share, personalization_score and promotional_share (METRICS.md §4) of any set of accounts as
 * aggregates over the brand-voice facts kept at import time (migration V61; grouped replies counted per day,
 * V67): memory grows with the periods asked for, not with the messages. Queued changes of the scope's accounts are derived first, so a figure is
 * never older than the data. In a scope where an account replies to persons' messages of another account of
 * the scope, that account's groups are computed for the scope ({@link CrossAccountTemplates}).
 */
@Singleton
public class VoiceFamilies implements MetricFamily {

    public static final List<Metric> METRICS = List.of(Metric.CANNED_REPLY_SHARE, Metric.PERSONALIZATION_SCORE,
            Metric.PROMOTIONAL_SHARE);

    private final Database database;
    private final VoiceFactsRefresher refresher;

    VoiceFamilies(Database database, VoiceFactsRefresher refresher) {
        this.database = database;
        this.refresher = refresher;
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    /** One point per period, in the order given. */
    @Override
    public Map<Metric, List<MetricPoint>> compute(List<Integer> accountIds, Grain grain, List<Period> periods) {
        refresher.ensureCurrent(accountIds);
        PeriodCounts replies;
        PeriodCounts posts;
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            List<Integer> crossReplying = accountIds.size() > 1 ? CrossAccountTemplates.accounts(c, accountIds) : List.of();
            List<Integer> grouped = accountIds.stream().filter(a -> !crossReplying.contains(a)).toList();
            replies = repliesPerPeriod(c, grouped, periods);
            for (int account : crossReplying) {
                CrossAccountTemplates.count(c, account, accountIds, periods, replies);
            }
            posts = postsPerPeriod(c, accountIds, periods);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the brand-voice facts", e);
        }
        Map<Metric, List<MetricPoint>> series = new EnumMap<>(Metric.class);
        METRICS.forEach(m -> series.put(m, new ArrayList<>(periods.size())));
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            MetricValue canned = MetricValue.ratio(replies.selected[i], replies.all[i]);
            put(series, Metric.CANNED_REPLY_SHARE, p, canned);
            // METRICS.md: 100 × (1 − canned_reply_share)
            put(series, Metric.PERSONALIZATION_SCORE, p,
                    new MetricValue(canned.value() == null ? null : 100 * (1 - canned.value()), canned.n()));
            put(series, Metric.PROMOTIONAL_SHARE, p, MetricValue.ratio(posts.selected[i], posts.all[i]));
        }
        return series;
    }

    @Override
    public void bringUpToDate(List<Integer> accountIds) {
        refresher.ensureCurrent(accountIds);
    }

    /** Replies to another account's message of the scope are grouped for the scope when asked (CrossAccountTemplates). */
    @Override
    public boolean joinsAccounts(List<Integer> accountIds) {
        if (accountIds.size() < 2) {
            return false;
        }
        try (Connection c = database.connection()) {
            return !CrossAccountTemplates.accounts(c, accountIds).isEmpty();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the scope's replies across accounts", e);
        }
    }

    /**
     * The message ids (as imported) of the scope's canned brand replies (METRICS.md §4), for showing them marked:
     * the kept groups, and for an account replying across the scope's accounts its groups in this scope.
     */
    public java.util.Set<String> cannedReplies(List<Integer> accountIds) {
        refresher.ensureCurrent(accountIds);
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            List<Integer> crossReplying = accountIds.size() > 1 ? CrossAccountTemplates.accounts(c, accountIds) : List.of();
            List<Long> cannedIds = new ArrayList<>();
            for (int account : crossReplying) {
                CrossAccountTemplates.replies(c, account, accountIds).stream()
                        .filter(CrossAccountTemplates.ScopeReply::canned).forEach(r -> cannedIds.add(r.messageId()));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            try (PreparedStatement st = c.prepareStatement(VoiceSql.CANNED_MESSAGE_IDS)) {
                st.setArray(1, c.createArrayOf("integer", accountIds.stream().filter(a -> !crossReplying.contains(a)).toArray()));
                st.setArray(2, c.createArrayOf("bigint", cannedIds.toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            c.commit();
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the canned replies", e);
        }
    }

    /** Per period: the rows counted and those among them selected (canned, promotional). */
    static final class PeriodCounts {
        final long[] all;
        final long[] selected;

        PeriodCounts(int periods) {
            all = new long[periods];
            selected = new long[periods];
        }
    }

    /** The grouped replies and the canned ones per period, from their days. */
    private static PeriodCounts repliesPerPeriod(Connection c, List<Integer> accountIds, List<Period> periods)
            throws SQLException {
        PeriodCounts counts = new PeriodCounts(periods.size());
        if (accountIds.isEmpty() || periods.isEmpty()) {
            return counts;
        }
        List<String> days = new ArrayList<>(periods.size() + 1);
        periods.forEach(p -> days.add(p.start().toString()));
        days.add(periods.get(periods.size() - 1).end().toString());
        try (PreparedStatement st = c.prepareStatement(VoiceSql.REPLIES_PER_PERIOD)) {
            st.setArray(1, c.createArrayOf("date", days.toArray()));
            st.setArray(2, c.createArrayOf("integer", accountIds.toArray()));
            st.setObject(3, periods.get(0).start());
            st.setObject(4, periods.get(periods.size() - 1).end());
            read(st, counts);
        }
        return counts;
    }

    /** The brand posts and the promotional ones per period, from the posts. */
    private static PeriodCounts postsPerPeriod(Connection c, List<Integer> accountIds, List<Period> periods)
            throws SQLException {
        PeriodCounts counts = new PeriodCounts(periods.size());
        if (accountIds.isEmpty() || periods.isEmpty()) {
            return counts;
        }
        List<OffsetDateTime> bounds = Period.bounds(periods);
        try (PreparedStatement st = c.prepareStatement(VoiceSql.POSTS_PER_PERIOD)) {
            st.setArray(1, c.createArrayOf("text", bounds.stream().map(OffsetDateTime::toString).toArray()));
            st.setArray(2, c.createArrayOf("integer", accountIds.toArray()));
            st.setObject(3, bounds.get(0));
            st.setObject(4, bounds.get(bounds.size() - 1));
            read(st, counts);
        }
        return counts;
    }

    /** Rows of (period number from 1, rows counted, rows selected). */
    private static void read(PreparedStatement st, PeriodCounts counts) throws SQLException {
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                int i = rs.getInt(1) - 1;
                counts.all[i] = rs.getLong(2);
                counts.selected[i] = rs.getLong(3);
            }
        }
    }

    private static void put(Map<Metric, List<MetricPoint>> series, Metric metric, Period p, MetricValue v) {
        series.get(metric).add(new MetricPoint(p.start(), p.end(), v.value(), v.n()));
    }
}
