package rapport.metrics.conversation;

import jakarta.inject.Singleton;
import rapport.metrics.Metric;
import rapport.metrics.MetricFamily;
import rapport.metrics.MetricPoint;
import rapport.metrics.MetricValue;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;
import rapport.system.Database;
import rapport.system.RapportSettings;
import rapport.system.SideBySide;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Conversations, responses, the brand's replies, followers and the per-post context metrics (METRICS.md §4) as
 * aggregates in PostgreSQL over the thread facts kept at import time (migration V60) and the messages' own
 * columns: one row per period comes back, so memory grows with the periods asked for, not with the messages.
 */
@Singleton
public class ConversationFamilies implements MetricFamily {

    public static final List<Metric> METRICS = List.of(Metric.CONVERSATIONS, Metric.CONVERSATIONS_PER_1K_FOLLOWERS,
            Metric.DEEP_CONVERSATION_SHARE, Metric.RESPONSE_RATE, Metric.RESPONSE_WITHIN_SLA_RATE,
            Metric.MEDIAN_RESPONSE_MINUTES, Metric.P90_RESPONSE_MINUTES, Metric.RECIPROCITY, Metric.CONVERSATION_RATIO,
            Metric.FOLLOWERS, Metric.FOLLOWER_GROWTH, Metric.AMPLIFICATION_PER_POST, Metric.APPLAUSE_PER_POST);

    private static final double MICROS_PER_MINUTE = 60_000_000.0;

    /** Fewer periods than this are one statement; more are two, over each half of them, side by side. */
    private static final int SPLIT_FROM = 8;

    private final Database database;
    private final long slaMicros;
    private final SideBySide sideBySide;

    ConversationFamilies(Database database, RapportSettings settings, SideBySide sideBySide) {
        this.database = database;
        this.slaMicros = settings.slaHours() * 3_600_000_000L;
        this.sideBySide = sideBySide;
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    /** One point per period, in order, for each metric of {@link #METRICS}. */
    @Override
    public Map<Metric, List<MetricPoint>> compute(List<Integer> accountIds, Grain grain, List<Period> periods) {
        Map<Metric, List<MetricPoint>> series = new EnumMap<>(Metric.class);
        METRICS.forEach(m -> series.put(m, new ArrayList<>(periods.size())));
        List<PeriodTally> tallies = halvesSideBySide(periods, half -> tallies(accountIds, half));
        for (int i = 0; i < periods.size(); i++) {
            Period p = periods.get(i);
            tallies.get(i).values().forEach((metric, v) -> series.get(metric).add(new MetricPoint(p.start(), p.end(), v.value(), v.n())));
        }
        return series;
    }

    @Override
    public boolean joinsAccounts(List<Integer> accountIds) {
        try (Connection c = database.connection()) {
            return joinsAccounts(c, accountIds);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the scope's threads across accounts", e);
        }
    }

    private static boolean joinsAccounts(Connection c, List<Integer> accountIds) throws SQLException {
        if (accountIds.size() < 2) {
            return false;
        }
        try (PreparedStatement st = c.prepareStatement(ConversationSql.JOINS_ACCOUNTS)) {
            st.setArray(1, c.createArrayOf("integer", accountIds.toArray()));
            st.setArray(2, c.createArrayOf("integer", accountIds.toArray()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * A read-only transaction in one snapshot, so that the statement chosen for the scope (with its threads across
     * accounts derived again, or its kept rows alone) fits the data it reads.
     */
    private static void oneSnapshot(Connection c) throws SQLException {
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        c.setReadOnly(true);
    }

    /** How long the inbound turns starting in the range waited for an answer, as ResponseTimeDistribution buckets them. */
    public ResponseTimeDistribution.Report responseTimes(List<Integer> accountIds, Period whole, String scope) {
        return ResponseTimeDistribution.of(scope, responseTimeCounts(accountIds, List.of(whole)));
    }

    /**
     * Per period (consecutive, in order), the inbound turns starting in it: the answered ones per bucket of
     * ResponseTimeDistribution, then the unanswered ones (unmodifiable: they are kept and shared).
     */
    public List<List<Long>> responseTimeCounts(List<Integer> accountIds, List<Period> periods) {
        return List.copyOf(halvesSideBySide(periods, half -> countsOfResponseTimes(accountIds, half)));
    }

    private List<List<Long>> countsOfResponseTimes(List<Integer> accountIds, List<Period> periods) {
        long[] bounds = ResponseTimeDistribution.upperBoundsMicros();
        List<long[]> counts = new ArrayList<>(periods.size());
        periods.forEach(p -> counts.add(new long[bounds.length + 2]));
        if (periods.isEmpty()) {
            return List.of();
        }
        List<OffsetDateTime> instants = Period.bounds(periods);
        try (Connection c = database.connection()) {
            oneSnapshot(c);
            String sql = joinsAccounts(c, accountIds) ? ConversationSql.RESPONSE_TIME_BUCKETS : ConversationSql.RESPONSE_TIME_BUCKETS_OWN;
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setArray(1, c.createArrayOf("integer", accountIds.toArray()));
                st.setArray(2, c.createArrayOf("text", instants.stream().map(OffsetDateTime::toString).toArray()));
                st.setObject(3, instants.get(0));
                st.setObject(4, instants.get(instants.size() - 1));
                st.setArray(5, c.createArrayOf("bigint", Arrays.stream(bounds).boxed().toArray()));
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        long[] period = counts.get(rs.getInt(1) - 1);
                        int bucket = rs.getInt(2);
                        period[rs.wasNull() ? bounds.length + 1 : bucket] = rs.getLong(3);
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the response times", e);
        }
        return counts.stream().map(c -> Arrays.stream(c).boxed().toList()).toList();
    }

    /** What one period's metrics are computed from: counts, three ranked response times, follower sums. */
    private record PeriodTally(long conversations, long deep, long brandReplies,
                               long turns, long answered, long withinSla, long openers, long answeredOpeners,
                               long lowerMiddle, long upperMiddle, long p90,
                               long posts, long brandMessages, long shares, long reactions,
                               Long followersAtStart, Long followersAtEnd) {

        Map<Metric, MetricValue> values() {
            Map<Metric, MetricValue> v = new EnumMap<>(Metric.class);
            v.put(Metric.CONVERSATIONS, MetricValue.count(conversations));
            v.put(Metric.CONVERSATIONS_PER_1K_FOLLOWERS, followersAtEnd == null || followersAtEnd == 0
                    ? new MetricValue(null, followersAtEnd)
                    : new MetricValue(1000.0 * conversations / followersAtEnd, followersAtEnd));
            v.put(Metric.DEEP_CONVERSATION_SHARE, MetricValue.ratio(deep, conversations));
            v.put(Metric.RESPONSE_RATE, MetricValue.ratio(answered, turns));
            v.put(Metric.RESPONSE_WITHIN_SLA_RATE, MetricValue.ratio(withinSla, turns));
            v.put(Metric.MEDIAN_RESPONSE_MINUTES, answered == 0 ? new MetricValue(null, 0L)
                    : new MetricValue(answered % 2 == 1 ? minutes(lowerMiddle) : (minutes(lowerMiddle) + minutes(upperMiddle)) / 2, answered));
            v.put(Metric.P90_RESPONSE_MINUTES, answered == 0 ? new MetricValue(null, 0L) : new MetricValue(minutes(p90), answered));
            v.put(Metric.RECIPROCITY, MetricValue.ratio(answeredOpeners, openers));
            v.put(Metric.CONVERSATION_RATIO, MetricValue.ratio(brandReplies, brandMessages));
            v.put(Metric.FOLLOWERS, new MetricValue(followersAtEnd == null ? null : followersAtEnd.doubleValue(), null));
            v.put(Metric.FOLLOWER_GROWTH, new MetricValue(followersAtEnd == null || followersAtStart == null ? null
                    : (double) (followersAtEnd - followersAtStart), null));
            v.put(Metric.AMPLIFICATION_PER_POST, MetricValue.ratio(shares, posts));
            v.put(Metric.APPLAUSE_PER_POST, MetricValue.ratio(reactions, posts));
            return v;
        }

        private static double minutes(long micros) {
            return micros / MICROS_PER_MINUTE;
        }
    }

    /**
     * What many periods give, as two statements over each half of them at once: a statement works period by period
     * (or row by row) on one core, and a year of many accounts is most of a cold dashboard's time. Each half reads
     * its own snapshot; an import committing between them labels both with the versions read before (KeptPeriods).
     */
    private <T> List<T> halvesSideBySide(List<Period> periods, Function<List<Period>, List<T>> compute) {
        if (periods.size() < SPLIT_FROM) {
            return compute.apply(periods);
        }
        int half = periods.size() / 2;
        List<T> values = new ArrayList<>(periods.size());
        sideBySide.all(List.<Supplier<List<T>>>of(() -> compute.apply(periods.subList(0, half)),
                () -> compute.apply(periods.subList(half, periods.size())))).forEach(values::addAll);
        return values;
    }

    private List<PeriodTally> tallies(List<Integer> accountIds, List<Period> periods) {
        List<PeriodTally> tallies = new ArrayList<>(periods.size());
        if (periods.isEmpty()) {
            return tallies;
        }
        try (Connection c = database.connection()) {
            oneSnapshot(c);
            String sql = joinsAccounts(c, accountIds) ? ConversationSql.PER_PERIOD : ConversationSql.PER_PERIOD_OWN;
            try (PreparedStatement st = c.prepareStatement(sql)) {
                st.setArray(1, c.createArrayOf("integer", accountIds.toArray()));
                st.setArray(2, c.createArrayOf("date", periods.stream().map(p -> p.start().toString()).toArray()));
                st.setArray(3, c.createArrayOf("date", periods.stream().map(p -> p.end().toString()).toArray()));
                st.setArray(4, c.createArrayOf("bigint", periods.stream().map(Period::startMicros).toArray()));
                st.setArray(5, c.createArrayOf("bigint", periods.stream().map(Period::endMicros).toArray()));
                st.setObject(6, periods.get(0).start());
                st.setObject(7, periods.get(periods.size() - 1).end());
                st.setLong(8, slaMicros);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        tallies.add(new PeriodTally(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                                rs.getLong(10), rs.getLong(11), rs.getLong(12),
                                rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getLong(16),
                                nullable(rs, 17), nullable(rs, 18)));
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the conversation facts", e);
        }
        return tallies;
    }

    private static Long nullable(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
