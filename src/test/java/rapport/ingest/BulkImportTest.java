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
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large import into a small table drops the message indexes and builds them again (MessageLoad.isBulk):
 * the data must come out exactly as the row-by-row path leaves it, and the schema exactly as the migrations
 * define it.
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
    void aBulkImportRebuildsTheIndexesTheMigrationsDefineAndLinksThreadsLikeAnyOther() throws SQLException {
        Map<String, String> indexesBefore = indexDefinitions();
        assertEquals(Set.of("message_pkey", "message_network_message_id_key", "message_account_time", "message_waiting_for_parent",
                        "message_person", "message_parent"),
                indexesBefore.keySet(), "IngestSql.DROP/CREATE_MESSAGE_INDEXES must list every index of message");
        long pkeyBefore = number("select 'message_pkey'::regclass::oid::bigint");

        ImportReport report = post(threads());

        assertEquals(3L * THREADS, report.inserted());
        assertTrue(MessageLoad.isBulk(report.inserted(), 0));
        assertNotEquals(pkeyBefore, number("select 'message_pkey'::regclass::oid::bigint"), "the bulk path ran");
        assertEquals(indexesBefore, indexDefinitions());
        // §1: a reply whose parent is in the same file is linked to it, wherever it stands in the file
        assertEquals(THREADS, number("""
                select count(*) from message r join message q on r.parent_id = q.id
                where r.message_id like 'r%' and q.message_id = 'q' || substr(r.message_id, 2)"""));
        assertEquals(THREADS, number("select count(*) from message where in_reply_to like 'later%' and parent_id is null"));

        // a second copy of the file is not bulk and changes nothing
        ImportReport again = post(threads());
        assertEquals(0, again.inserted());
        assertEquals(3L * THREADS, again.updated(), "every row matched a stored message");
        assertEquals(0, number("select count(*) from message where import_id = " + again.id()), "and none was rewritten");

        // parents arriving later find their waiting replies through the rebuilt index
        ImportReport late = post(BadInputTest.HEADER
                + "x,Shop,later7,Shop,Shop,true,post,2026-03-01T08:00:00Z,,Spring sale\n"
                + "x,Shop,later8,Shop,Shop,true,post,2026-03-01T08:00:00Z,,Spring sale\n");
        assertEquals(2, late.inserted());
        assertEquals(2, number("""
                select count(*) from message w join message p on w.parent_id = p.id
                where w.message_id in ('w7', 'w8') and p.message_id = 'later' || substr(w.message_id, 2)"""));
        assertEquals(3L * THREADS + 2, number("select count(*) from message"));
    }

    @Test
    void smallImportsAndImportsIntoALargeTableKeepTheIndexes() {
        assertEquals(false, MessageLoad.isBulk(99_999, 0));
        assertEquals(true, MessageLoad.isBulk(100_000, 200_000));
        assertEquals(false, MessageLoad.isBulk(100_000, 200_001));
    }

    private Map<String, String> indexDefinitions() throws SQLException {
        Map<String, String> definitions = new TreeMap<>();
        try (Connection c = database.connection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select indexname, indexdef from pg_indexes where tablename = 'message'")) {
            while (rs.next()) {
                definitions.put(rs.getString(1), rs.getString(2));
            }
        }
        return definitions;
    }

    private long number(String sql) throws SQLException {
        try (Connection c = database.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
