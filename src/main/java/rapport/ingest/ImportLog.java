package rapport.ingest;

import jakarta.inject.Singleton;

import rapport.system.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The record of imports: their reports, their kept-back rows, and the live progress of running ones. */
@Singleton
public class ImportLog {

    static final int PROBLEMS_IN_REPORT = 1000;

    private final Database dataSource;
    private final ImportMetrics metrics;
    private final Map<Long, ImportProgress> running = new ConcurrentHashMap<>();

    ImportLog(Database dataSource, ImportMetrics metrics) {
        this.dataSource = dataSource;
        this.metrics = metrics;
    }

    long create(ImportFormat format, String fileName, long bytesTotal) {
        try (Connection c = dataSource.connection();
             PreparedStatement st = c.prepareStatement(IngestSql.CREATE_IMPORT)) {
            st.setString(1, format.key());
            st.setString(2, fileName);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                running.put(id, new ImportProgress(bytesTotal));
                metrics.started(id, format);
                return id;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Imports this process is running now. */
    Set<Long> runningIds() {
        return Set.copyOf(running.keySet());
    }

    /**
     * Marks as interrupted every import recorded as running that this process is not running: the server
     * stopped under it (crash, kill, shutdown past the grace period). Returns their ids.
     */
    List<Long> markInterrupted() {
        return interrupt(ImportLogSql.MARK_OTHERS_INTERRUPTED);
    }

    /** Marks this process's running imports interrupted: at shutdown, they will not commit. */
    List<Long> markRunningInterrupted() {
        return interrupt(ImportLogSql.MARK_THESE_INTERRUPTED);
    }

    private List<Long> interrupt(String sql) {
        try (Connection c = dataSource.connection();
             PreparedStatement st = c.prepareStatement(sql)) {
            st.setArray(1, c.createArrayOf("bigint", runningIds().toArray()));
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    ImportProgress progress(long importId) {
        return running.computeIfAbsent(importId, id -> new ImportProgress(-1));
    }

    void saveProblems(Connection connection, long importId, RejectedRows problems) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(IngestSql.INSERT_REJECTED)) {
            for (RejectedRow row : problems.kept()) {
                st.setLong(1, importId);
                st.setLong(2, row.line());
                st.setString(3, row.field());
                st.setString(4, row.reason());
                st.setBoolean(5, row.unattributed());
                st.setString(6, row.raw() == null ? null : row.raw().replace("\0", ""));
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    void finish(Connection connection, long importId, String state, ImportCounts counts, String error) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(IngestSql.FINISH_IMPORT)) {
            st.setString(1, state);
            st.setLong(2, counts.rowsRead);
            st.setLong(3, counts.inserted);
            st.setLong(4, counts.updated);
            st.setLong(5, counts.rejected());
            st.setLong(6, counts.unattributed());
            if (error == null) {
                st.setNull(7, Types.VARCHAR);
            } else {
                st.setString(7, error);
            }
            st.setLong(8, counts.unchanged);
            st.setLong(9, importId);
            st.executeUpdate();
        }
        try (PreparedStatement st = connection.prepareStatement(ImportLogSql.PROBLEMS_NOT_KEPT)) {
            st.setLong(1, counts.problems.notKept());
            st.setLong(2, importId);
            st.executeUpdate();
        }
        running.remove(importId);
        metrics.finished(importId, state, counts);
    }

    /** Records a failed import; with the database gone too, the next report or start marks it interrupted. */
    void fail(long importId, String error) {
        ImportCounts counts = new ImportCounts();
        ImportProgress progress = running.get(importId);
        if (progress != null) {
            counts.rowsRead = progress.rowsRead.get();
        }
        try (Connection c = dataSource.connection()) {
            finish(c, importId, ImportReport.FAILED, counts, error);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            running.remove(importId);
        }
    }

    public ImportReport report(long importId) {
        ImportReport report = read(importId);
        if (report != null && orphaned(report)) {
            markInterrupted();
            report = read(importId);
        }
        return report;
    }

    /** Recorded as running, but nothing runs it: its process or its database connection died under it. */
    private boolean orphaned(ImportReport report) {
        return ImportReport.RUNNING.equals(report.state()) && !running.containsKey(report.id());
    }

    private ImportReport read(long importId) {
        try (Connection c = dataSource.connection();
             PreparedStatement st = c.prepareStatement(IngestSql.FIND_IMPORT)) {
            st.setLong(1, importId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? toReport(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<ImportReport> recent(int limit) {
        List<ImportReport> reports = readRecent(limit);
        if (reports.stream().anyMatch(this::orphaned)) {
            markInterrupted();
            reports = readRecent(limit);
        }
        return reports;
    }

    private List<ImportReport> readRecent(int limit) {
        try (Connection c = dataSource.connection();
             PreparedStatement st = c.prepareStatement(IngestSql.RECENT_IMPORTS)) {
            st.setInt(1, limit);
            List<ImportReport> reports = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    reports.add(toReport(rs));
                }
            }
            return reports;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<RejectedRow> problems(long importId, int limit) {
        try (Connection c = dataSource.connection();
             PreparedStatement st = c.prepareStatement(IngestSql.REJECTED_ROWS)) {
            st.setLong(1, importId);
            st.setInt(2, limit);
            List<RejectedRow> rows = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    rows.add(new RejectedRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImportReport toReport(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String state = rs.getString("state");
        ImportProgress live = running.get(id);
        long rowsRead = rs.getLong("rows_read");
        Long bytesRead = null;
        Long bytesTotal = null;
        String phase = null;
        if (live != null && ImportReport.RUNNING.equals(state)) {
            rowsRead = live.rowsRead.get();
            bytesRead = live.bytesRead.get();
            bytesTotal = live.bytesTotal < 0 ? null : live.bytesTotal;
            phase = live.phase;
        }
        return new ImportReport(id, rs.getString("format"), rs.getString("file_name"), state, phase,
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                rowsRead, rs.getLong("inserted"), rs.getLong("updated"), rs.getLong("unchanged"), rs.getLong("rejected"),
                rs.getLong("unattributed"), rs.getString("error"), bytesRead, bytesTotal, null,
                rs.getLong("problems_not_kept"));
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
