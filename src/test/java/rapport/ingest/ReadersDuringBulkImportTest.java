package rapport.ingest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.FreshDatabase;
import rapport.system.Database;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9: a bulk import never makes the dashboard wait. The import is held open with all its rows written
 * (it waits for a row lock on its own import record, taken by the test), and meanwhile a reader that gives up
 * after a second reads message and person_day as they were before the import.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadersDuringBulkImportTest implements FreshDatabase {

    /** Table locks that let a plain SELECT through; ACCESS EXCLUSIVE (a dropped index, a rebuild) does not. */
    static final Set<String> READERS_PASS = Set.of("AccessShareLock", "RowShareLock", "RowExclusiveLock", "ShareUpdateExclusiveLock");

    /** The import's statement once its rows are written: it waits there for the test's lock on its record. */
    static final String IMPORT_AT_ITS_END = """
            select pid from pg_stat_activity
            where wait_event_type = 'Lock' and query like 'update import set state%'""";

    static final String LOCKS_ON_READ_TABLES = """
            select c.relname || ' ' || l.mode from pg_locks l join pg_class c on c.oid = l.relation
            where l.pid = ? and c.relname in ('message', 'person_day', 'person', 'account',
                  'message_pkey', 'message_network_message_id_key', 'message_account_time', 'person_day_pkey')""";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Database database;

    ImportReport post(String query, String csv) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/imports?format=messages" + query, csv.getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.TEXT_PLAIN_TYPE), ImportReport.class);
    }

    @Test
    void whileABulkImportIsOpenReadersNeitherWaitNorSeeItsRows() throws Exception {
        post("", BadInputTest.HEADER
                + "x,Shop,s1,p1,p1,false,share,2026-03-02T11:00:00Z,,rt\n"
                + "x,Shop,s2,p2,p2,false,mention,2026-03-03T11:00:00Z,,hello\n");
        long messagesBefore = BulkImportTest.number(database, "select count(*) from message");
        long daysBefore = BulkImportTest.number(database, "select count(*) from person_day");
        assertEquals(2, daysBefore);

        ImportReport bulk;
        try (Connection start = database.connection(); Connection end = database.connection()) {
            // the import waits at its start for this lock, so that the test can hold its record before it ends
            start.setAutoCommit(false);
            run(start, IngestSql.IMPORT_LOCK);
            bulk = post("&async=true", BulkImportTest.threads());
            end.setAutoCommit(false);
            try (PreparedStatement st = end.prepareStatement("select 1 from import where id = ? for update")) {
                st.setLong(1, bulk.id());
                st.executeQuery().close();
            }
            start.commit();
            int importer = awaitImportAtItsEnd();

            Set<String> held = locks(importer);
            assertTrue(held.contains("message RowExclusiveLock"), "the import has written messages: " + held);
            for (String lock : held) {
                assertTrue(READERS_PASS.contains(lock.substring(lock.indexOf(' ') + 1)), "a lock readers wait for: " + lock);
            }
            try (Connection reader = database.connection(); Statement st = reader.createStatement()) {
                st.execute("set lock_timeout = '1s'");
                assertEquals(messagesBefore, single(st, "select count(*) from message"), "the reader sees the data as it was");
                assertEquals(daysBefore, single(st, "select count(*) from person_day"));
                assertEquals(1, single(st, "select count(*) from message where network = 'x' and message_id = 's2'"),
                        "and finds it through the indexes");
                assertEquals(1, single(st, "select count(*) from person_day where person_id = (select person_id from message where message_id = 's1')"));
            }
            end.commit();
        }

        ImportReport done = awaitDone(bulk.id());
        assertEquals(3L * BulkImportTest.THREADS, done.inserted());
        assertTrue(MessageLoad.isBulk(done.inserted(), messagesBefore), "the bulk path ran");
        assertEquals(messagesBefore + done.inserted(), BulkImportTest.number(database, "select count(*) from message"));
        assertEquals(10_000, BulkImportTest.number(database, "select count(*) from person_day"),
                "5,000 persons active on each of the two days (p1's and p2's days before among them), there once the import committed");
    }

    private int awaitImportAtItsEnd() throws SQLException, InterruptedException {
        for (int i = 0; i < 6_000; i++) {
            try (Connection c = database.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(IMPORT_AT_ITS_END)) {
                if (rs.next()) {
                    return rs.getInt(1);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the import never reached its end");
    }

    private ImportReport awaitDone(long id) throws InterruptedException {
        for (int i = 0; i < 6_000; i++) {
            ImportReport report = client.toBlocking().retrieve(HttpRequest.GET("/api/imports/" + id), ImportReport.class);
            if (!"running".equals(report.state())) {
                assertEquals(ImportReport.DONE, report.state(), String.valueOf(report.error()));
                return report;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the import never finished");
    }

    private Set<String> locks(int pid) throws SQLException {
        Set<String> held = new TreeSet<>();
        try (Connection c = database.connection(); PreparedStatement st = c.prepareStatement(LOCKS_ON_READ_TABLES)) {
            st.setInt(1, pid);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getString(1));
                }
            }
        }
        return held;
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
