package rapport.ingest;

import rapport.system.CopyStream;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import rapport.ingest.source.RowSource;
import rapport.ingest.source.SourceRow;

import rapport.system.DataChanged;
import rapport.system.Database;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs one import in one transaction: parse and validate each row, stage the good ones with COPY,
 * upsert, keep the bad ones with their reasons. A failure leaves the data as it was.
 */
@Singleton
public class Importer {

    private final Database dataSource;
    private final ImportLog log;
    private final ApplicationEventPublisher<DataChanged> finished;

    Importer(Database dataSource, ImportLog log, ApplicationEventPublisher<DataChanged> finished) {
        this.dataSource = dataSource;
        this.log = log;
        this.finished = finished;
    }

    /** Registers an import so its progress can be followed before it runs. */
    public long begin(ImportFormat format, String fileName, long bytesTotal) {
        return log.create(format, fileName, bytesTotal);
    }

    public ImportReport run(long importId, ImportFormat format, InputStream body) {
        ImportProgress progress = log.progress(importId);
        ImportCounts counts = new ImportCounts();
        InputStream in = new CountingInputStream(body, progress.bytesRead);
        Set<Integer> changedAccounts = new HashSet<>();
        try (Connection connection = dataSource.connection()) {
            connection.setAutoCommit(false);
            try {
                try (Statement st = connection.createStatement()) {
                    st.execute(IngestSql.IMPORT_LOCK);
                }
                long versionBefore = single(connection, IngestSql.DATA_VERSION_NOW);
                switch (format) {
                    case MESSAGES -> loadMessages(connection, importId, RowSource.csv(in, format.columns()), counts, progress);
                    case MESSAGES_NDJSON -> loadMessages(connection, importId, RowSource.ndjson(in), counts, progress);
                    case TWCS -> loadTwcs(connection, importId, RowSource.csv(in, format.columns()), counts, progress);
                    case FOLLOWERS -> loadFollowers(connection, RowSource.csv(in, format.columns()), counts, progress);
                    case SURVEYS -> loadSurveys(connection, RowSource.csv(in, format.columns()), counts, progress);
                }
                if (counts.rowsRead == 0) {
                    throw new ImportRefused("the file has a header but no rows");
                }
                log.saveProblems(connection, importId, counts.problems);
                log.finish(connection, importId, ImportReport.DONE, counts, null);
                changedAccounts.addAll(changedSince(connection, versionBefore));
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (ImportRefused e) {
            log.fail(importId, e.getMessage());
            throw e;
        } catch (SQLException | IOException | RuntimeException e) {
            log.fail(importId, "import failed: " + e.getMessage());
            throw new IllegalStateException("import " + importId + " failed", e);
        }
        finished.publishEvent(DataChanged.ofAccounts("import " + importId, changedAccounts));
        return log.report(importId).withProblems(counts.problems.stream().limit(ImportLog.PROBLEMS_IN_REPORT).toList());
    }

    private void loadMessages(Connection connection, long importId, RowSource source, ImportCounts counts,
                              ImportProgress progress) throws SQLException, IOException {
        try (source; MessageLoad load = new MessageLoad(connection, importId)) {
            SourceRow row;
            while ((row = source.next()) != null) {
                read(counts, progress);
                try {
                    load.add(MessageRowParser.parse(row));
                } catch (RowRejected e) {
                    counts.problems.add(rejected(row, e));
                }
            }
            finishMessages(load, importId, counts, progress);
        }
    }

    /** twcs attribution looks at whole threads of the file, so the file is read whole first. */
    private void loadTwcs(Connection connection, long importId, RowSource source, ImportCounts counts,
                          ImportProgress progress) throws SQLException, IOException {
        List<TwcsTweet> tweets = new ArrayList<>();
        Map<Long, Supplier<String>> rawByLine = new HashMap<>();
        try (source) {
            SourceRow row;
            while ((row = source.next()) != null) {
                read(counts, progress);
                try {
                    tweets.add(TwcsTweet.parse(row));
                    rawByLine.put(row.line(), row.rawText());
                } catch (RowRejected e) {
                    counts.problems.add(rejected(row, e));
                }
            }
        }
        try (MessageLoad load = new MessageLoad(connection, importId)) {
            List<MessageRow> messages = new ArrayList<>(tweets.size());
            new TwcsAttribution(tweets).map(tweets, messages::add, counts.problems::add, rawByLine);
            for (MessageRow message : messages) {
                load.add(message);
            }
            finishMessages(load, importId, counts, progress);
        }
    }

    private void finishMessages(MessageLoad load, long importId, ImportCounts counts, ImportProgress progress)
            throws SQLException, IOException {
        long staged = load.staged();
        counts.inserted = load.finish(importId, progress);
        counts.updated = load.updated();
        counts.unchanged = staged - counts.inserted - counts.updated;
    }

    private void loadFollowers(Connection connection, RowSource source, ImportCounts counts,
                               ImportProgress progress) throws SQLException, IOException {
        stageAndUpsert(connection, source, counts, progress, IngestSql.STAGE_FOLLOWERS, IngestSql.COPY_FOLLOWERS,
                (row, copy) -> copy.write(row.line(), FieldParsers.network(row), row.required("account").strip(),
                        FieldParsers.day(row, "day"), FieldParsers.wholeNumber(row, "followers", 0, Long.MAX_VALUE)),
                IngestSql.UPSERT_ACCOUNTS_FROM_FOLLOWERS, IngestSql.UPSERT_FOLLOWERS);
    }

    private void loadSurveys(Connection connection, RowSource source, ImportCounts counts,
                             ImportProgress progress) throws SQLException, IOException {
        stageAndUpsert(connection, source, counts, progress, IngestSql.STAGE_SURVEYS, IngestSql.COPY_SURVEYS,
                (row, copy) -> copy.write(row.line(), FieldParsers.network(row), row.required("author_id").strip(),
                        FieldParsers.day(row, "day"), FieldParsers.wholeNumber(row, "score", 0, 10)),
                null, IngestSql.UPSERT_SURVEYS);
    }

    private interface RowWriter {
        void write(SourceRow row, CopyStream copy) throws RowRejected, IOException;
    }

    private void stageAndUpsert(Connection connection, RowSource source, ImportCounts counts, ImportProgress progress,
                                String stageSql, String copySql, RowWriter writer, String accountsSql,
                                String upsertSql) throws SQLException, IOException {
        try (Statement st = connection.createStatement()) {
            st.execute(stageSql);
        }
        long staged;
        try (source; CopyStream copy = new CopyStream(connection, copySql)) {
            SourceRow row;
            while ((row = source.next()) != null) {
                read(counts, progress);
                try {
                    row.checkWellFormed();
                    writer.write(row, copy);
                } catch (RowRejected e) {
                    counts.problems.add(rejected(row, e));
                }
            }
            staged = copy.rows();
        }
        progress.phase = "writing";
        try (Statement st = connection.createStatement()) {
            if (accountsSql != null) {
                st.execute(accountsSql);
            }
            try (ResultSet rs = st.executeQuery(upsertSql)) {
                rs.next();
                counts.inserted = rs.getLong(1);
                long superseded = staged - rs.getLong(3);
                counts.updated = rs.getLong(2) + superseded;
            }
        }
        counts.unchanged = staged - counts.inserted - counts.updated;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The triggers of migration V10 gave every account this import wrote to a new data version. */
    private static List<Integer> changedSince(Connection connection, long version) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(IngestSql.ACCOUNTS_CHANGED_SINCE)) {
            st.setLong(1, version);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getInt(1));
                }
            }
        }
        return ids;
    }

    private static void read(ImportCounts counts, ImportProgress progress) {
        counts.rowsRead++;
        progress.rowsRead.incrementAndGet();
    }

    private static RejectedRow rejected(SourceRow row, RowRejected e) {
        return new RejectedRow(row.line(), e.field(), e.getMessage(), false, row.raw());
    }
}
