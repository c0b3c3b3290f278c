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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large import into a small table takes the bulk path (MessageLoad.isBulk): its rows go in through the
 * indexes, which are kept, never dropped and built again (readers would wait for that), and the data must come
 * out exactly as the row-by-row path leaves it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkImportTest implements FreshDatabase {

    static final int THREADS = 40_000;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Database database;

    ImportReport post(String csv) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/imports?format=messages", csv.getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.TEXT_PLAIN_TYPE), ImportReport.class);
    }

    /** Each thread: a mention, the brand's reply (listed before its parent) and a reply to a message not in the file. */
    static String threads() {
        StringBuilder csv = new StringBuilder(BadInputTest.HEADER);
        for (int t = 0; t < THREADS; t++) {
            csv.append("x,Shop,r").append(t).append(",Shop,Shop,true,reply,2026-03-02T10:05:00Z,q").append(t).append(",Sorry about that\n");
            csv.append("x,Shop,q").append(t).append(",p").append(t % 5000).append(",p").append(t % 5000)
                    .append(",false,mention,2026-03-02T10:00:00Z,,my order ").append(t).append(" is late\n");
            csv.append("x,Shop,w").append(t).append(",p").append(t % 5000).append(",p").append(t % 5000)
                    .append(",false,comment,2026-03-03T09:00:00Z,later").append(t).append(",thanks\n");
        }
        return csv.toString();
    }

    @Test
    void aBulkImportKeepsTheIndexesAndLinksThreadsLikeAnyOther() throws SQLException {
        Map<String, String> indexesBefore = indexDefinitions(database, "message");
        Map<String, String> oidsBefore = indexOids(database, "message");

        ImportReport report = post(threads());

        assertEquals(3L * THREADS, report.inserted());
        assertTrue(MessageLoad.isBulk(report.inserted(), 0), "the bulk path ran");
        assertEquals(indexesBefore, indexDefinitions(database, "message"));
        assertEquals(oidsBefore, indexOids(database, "message"), "every index kept, none built again");
        // §1: a reply whose parent is in the same file is linked to it, wherever it stands in the file
        assertEquals(THREADS, number(database, """
                select count(*) from message r join message q on r.parent_id = q.id
                where r.message_id like 'r%' and q.message_id = 'q' || substr(r.message_id, 2)"""));
        assertEquals(THREADS, number(database, "select count(*) from message where in_reply_to like 'later%' and parent_id is null"));

        // a second copy of the file is not bulk and changes nothing
        ImportReport again = post(threads());
        assertEquals(0, again.inserted());
        assertEquals(3L * THREADS, again.unchanged(), "every row matched a stored message");
        assertEquals(0, again.updated());
        assertEquals(0, number(database, "select count(*) from message where import_id = " + again.id()), "and none was rewritten");

        // parents arriving later find their waiting replies through the index
        ImportReport late = post(BadInputTest.HEADER
                + "x,Shop,later7,Shop,Shop,true,post,2026-03-01T08:00:00Z,,Spring sale\n"
                + "x,Shop,later8,Shop,Shop,true,post,2026-03-01T08:00:00Z,,Spring sale\n");
        assertEquals(2, late.inserted());
        assertEquals(2, number(database, """
                select count(*) from message w join message p on w.parent_id = p.id
                where w.message_id in ('w7', 'w8') and p.message_id = 'later' || substr(w.message_id, 2)"""));
        assertEquals(3L * THREADS + 2, number(database, "select count(*) from message"));
    }

    @Test
    void smallImportsAndImportsIntoALargeTableKeepTheIndexes() {
        assertEquals(false, MessageLoad.isBulk(99_999, 0));
        assertEquals(true, MessageLoad.isBulk(100_000, 200_000));
        assertEquals(false, MessageLoad.isBulk(100_000, 200_001));
    }

    /** Each index of the table with its oid: an index dropped and built again gets a new one. */
    static Map<String, String> indexOids(Database database, String table) throws SQLException {
        return pairs(database, "select indexrelid::regclass::text, indexrelid::bigint::text from pg_index where indrelid = '" + table + "'::regclass");
    }

    static Map<String, String> indexDefinitions(Database database, String table) throws SQLException {
        return pairs(database, "select indexname, indexdef from pg_indexes where tablename = '" + table + "'");
    }

    private static Map<String, String> pairs(Database database, String sql) throws SQLException {
        Map<String, String> pairs = new TreeMap<>();
        try (Connection c = database.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                pairs.put(rs.getString(1), rs.getString(2));
            }
        }
        return pairs;
    }

    static long number(Database database, String sql) throws SQLException {
        try (Connection c = database.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
