package rapport.metrics.rollup;

import jakarta.inject.Singleton;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import rapport.metrics.Metric;
import rapport.metrics.MetricPoint;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;
import rapport.metrics.period.PeriodRange;
import rapport.system.Database;
import rapport.system.RapportSettings;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Precomputed metric values per scope and grain. A rollup is used only when nothing it was computed from
 * has changed since: its accounts' data versions (data and account settings), the workspace settings, the
 * metric code.
 */
@Singleton
public class RollupStore {

    private final Database database;
    private final RapportSettings settings;
    private final MetricCodeFingerprint code;
    private volatile String schema;

    RollupStore(Database database, RapportSettings settings, MetricCodeFingerprint code) {
        this.database = database;
        this.settings = settings;
        this.code = code;
    }

    static String scopeKey(List<Integer> accountIds) {
        return accountIds.stream().sorted().distinct().map(String::valueOf).collect(Collectors.joining("+"));
    }

    /**
     * What the values depend on besides the data: same string, same values. The facts are derived by the
     * migrations' SQL too, so a migration that re-derives them (without touching any data version) retires the
     * rollups computed before it, as new metric code does.
     */
    String settingsKey() {
        return "zone=" + settings.zone().getId() + "|sla=" + settings.slaHours() + "|code=" + code.value()
                + "|schema=" + schema();
    }

    /** The last migration applied; read once, after start-up's migrations ran. */
    private String schema() {
        if (schema == null) {
            try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(RollupSql.SCHEMA_VERSION);
                 ResultSet rs = st.executeQuery()) {
                rs.next();
                schema = rs.getString(1);
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the schema's version", e);
            }
        }
        return schema;
    }

    /** The range's values from a current rollup that covers all of it, or empty (then compute them). */
    public Optional<Map<Metric, List<MetricPoint>>> read(List<Integer> accountIds, PeriodRange range) {
        List<Period> periods = range.periods(settings.zone());
        if (periods.isEmpty()) {
            return Optional.empty();
        }
        LocalDate first = periods.get(0).start();
        LocalDate last = periods.get(periods.size() - 1).start();
        Map<Metric, Map<LocalDate, MetricPoint>> found = new EnumMap<>(Metric.class);
        int rows = 0;
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(RollupSql.READ)) {
            st.setString(1, scopeKey(accountIds));
            st.setString(2, range.grain().key());
            st.setString(3, settingsKey());
            st.setArray(4, c.createArrayOf("integer", accountIds.toArray()));
            st.setObject(5, first);
            st.setObject(6, last);
            st.setObject(7, first);
            st.setObject(8, last);
            Map<LocalDate, LocalDate> endByStart = new HashMap<>();
            periods.forEach(p -> endByStart.put(p.start(), p.end()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    LocalDate start = rs.getObject(2, LocalDate.class);
                    double value = rs.getDouble(3);
                    Double v = rs.wasNull() ? null : value;
                    long n = rs.getLong(4);
                    Long sample = rs.wasNull() ? null : n;
                    found.computeIfAbsent(Metric.fromKey(rs.getString(1)), m -> new HashMap<>())
                            .put(start, new MetricPoint(start, endByStart.get(start), v, sample));
                    rows++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the metric rollups", e);
        }
        if (rows != periods.size() * Metric.values().length) {
            return Optional.empty();
        }
        Map<Metric, List<MetricPoint>> series = new EnumMap<>(Metric.class);
        for (Metric metric : Metric.values()) {
            Map<LocalDate, MetricPoint> byStart = found.get(metric);
            series.put(metric, periods.stream().map(p -> byStart.get(p.start())).toList());
        }
        return Optional.of(series);
    }

    boolean isCurrent(Connection c, String scope, Grain grain, String dataVersions) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(RollupSql.IS_CURRENT)) {
            st.setString(1, scope);
            st.setString(2, grain.key());
            st.setString(3, settingsKey());
            st.setString(4, dataVersions);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** Replaces the scope's values for the grain in one transaction, labelled with what they were computed from. */
    void save(String scope, Grain grain, String dataVersions, Map<Metric, List<MetricPoint>> values,
              long computeMillis) {
        List<MetricPoint> any = values.values().iterator().next();
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement st = c.prepareStatement(RollupSql.DELETE_VALUES)) {
                    st.setString(1, scope);
                    st.setString(2, grain.key());
                    st.executeUpdate();
                }
                new CopyManager(c.unwrap(BaseConnection.class)).copyIn(RollupSql.COPY_VALUES, new StringReader(csv(scope, grain, values)));
                try (PreparedStatement st = c.prepareStatement(RollupSql.SAVE_STATE)) {
                    st.setString(1, scope);
                    st.setString(2, grain.key());
                    st.setString(3, dataVersions);
                    st.setString(4, settingsKey());
                    st.setObject(5, any.get(0).periodStart());
                    st.setObject(6, any.get(any.size() - 1).periodStart());
                    st.setLong(7, computeMillis);
                    st.executeUpdate();
                }
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not save the rollup of scope " + scope, e);
        }
    }

    /** Keys and numbers only, nothing to quote; a double's shortest text reads back as the same double. */
    private static String csv(String scope, Grain grain, Map<Metric, List<MetricPoint>> values) {
        StringBuilder csv = new StringBuilder();
        values.forEach((metric, points) -> {
            for (MetricPoint p : points) {
                csv.append(scope).append(',').append(grain.key()).append(',').append(metric.key()).append(',')
                        .append(p.periodStart()).append(',').append(p.value() == null ? "" : p.value().toString()).append(',')
                        .append(p.n() == null ? "" : p.n().toString()).append('\n');
            }
        });
        return csv.toString();
    }

    /** Forgets rollups of scopes that are no longer kept. */
    void keepOnly(List<String> scopes) {
        try (Connection c = database.connection()) {
            for (String sql : List.of(RollupSql.DELETE_OTHER_STATES, RollupSql.DELETE_OTHER_VALUES)) {
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    st.setArray(1, c.createArrayOf("text", scopes.toArray()));
                    st.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Integer> accountIds(Connection c) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(RollupSql.ACCOUNT_IDS); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getInt(1));
            }
        }
        return ids;
    }
}
