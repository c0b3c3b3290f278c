package rapport.ingest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.system.Database;
import rapport.FreshDatabase;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bulk import adds its new messages' person days itself, not through the insert trigger (migration V13):
 * the days must come out exactly as derived from the stored messages, merged into the days earlier imports
 * left, through person_day's indexes, which are kept.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkImportPersonDaysTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Database database;

    /** Every person day as the triggers and the zone rebuild derive it (PersonDaySql.BUILD), and as stored. */
    static final String DERIVED = """
            select account_id, person_id, (created_at at time zone (select zone from person_day_state))::date as day,
                   count(*) filter (where kind = 'share')::int as shares
            from message where not from_brand and kind <> 'reaction'
            group by 1, 2, 3""";
    static final String STORED = "select account_id, person_id, day, shares from person_day";

    ImportReport post(String csv) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/imports?format=messages", csv.getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.TEXT_PLAIN_TYPE), ImportReport.class);
    }

    @Test
    void aBulkImportAddsItsPersonDaysToThoseBeforeThroughTheirIndexes() throws SQLException {
        // a small import first (through the triggers): p1 shared on 2 March, p2 was active on 3 March
        ImportReport small = post(BadInputTest.HEADER
                + "x,Shop,s1,p1,p1,false,share,2026-03-02T11:00:00Z,,rt\n"
                + "x,Shop,s2,p2,p2,false,mention,2026-03-03T11:00:00Z,,hello\n");
        assertEquals(2, small.inserted());
        Map<String, String> indexesBefore = BulkImportTest.indexDefinitions(database, "person_day");
        Map<String, String> oidsBefore = BulkImportTest.indexOids(database, "person_day");

        ImportReport bulk = post(BulkImportTest.threads()
                + "x,Shop,s3,p1,p1,false,share,2026-03-02T12:00:00Z,,rt again\n"
                + "x,Shop,s4,p1,p1,false,reaction,2026-03-04T12:00:00Z,,like\n"
                + "x,Other,s5,p1,p1,false,share,2026-03-02T23:30:00Z,,rt late\n");

        assertTrue(MessageLoad.isBulk(bulk.inserted(), 2), "the bulk path ran");
        assertEquals(indexesBefore, BulkImportTest.indexDefinitions(database, "person_day"));
        assertEquals(oidsBefore, BulkImportTest.indexOids(database, "person_day"), "every index kept, none built again");
        assertEquals(0, BulkImportTest.number(database, "select count(*) from ((" + DERIVED + ") except all (" + STORED + ")) d"));
        assertEquals(0, BulkImportTest.number(database, "select count(*) from ((" + STORED + ") except all (" + DERIVED + ")) d"));
        assertEquals(2, BulkImportTest.number(database, """
                select shares from person_day d join account a on a.id = d.account_id join person p on p.id = d.person_id
                where a.handle = 'Shop' and p.author_id = 'p1' and d.day = date '2026-03-02'"""),
                "the bulk import's share adds to the day the small import left");
        assertEquals(10_000, BulkImportTest.number(database, "select count(*) from person_day where day in (date '2026-03-02', date '2026-03-03')"
                + " and account_id = (select id from account where handle = 'Shop')"),
                "5,000 persons active on each of the two days");
    }
}
