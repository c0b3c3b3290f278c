package rapport.ingest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.FreshDatabase;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** METRICS.md §7: bad rows are rejected with line, field and reason; their neighbours are imported. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest implements FreshDatabase {

    static final String HEADER = "network,account,message_id,author_id,author_handle,from_brand,kind,created_at,in_reply_to,text\n";

    @Inject
    @Client("/")
    HttpClient client;

    ImportReport post(String format, byte[] body) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/imports?format=" + format, body)
                .contentType(MediaType.TEXT_PLAIN_TYPE), ImportReport.class);
    }

    @Test
    void eachKindOfBadRowIsReportedAndItsNeighboursAreKept() throws Exception {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes((HEADER
                + "x,Bad,ok1,p1,p1,false,mention,2026-01-05T10:00:00Z,,fine\n"            // line 2
                + "x,Bad,b1,p1,p1,false,mention,yesterday,,bad date\n"                    // line 3
                + "x,Bad,b2,p1,p1,false,shout,2026-01-05T10:00:00Z,,unknown kind\n"       // line 4
                + "x,Bad,,p1,p1,false,mention,2026-01-05T10:00:00Z,,missing id\n"         // line 5
                + "x,Bad,b4,p1,p1,false,mention,2026-01-05T10:00:00Z\n"                   // line 6: 8 columns
                + "x,Bad,b5,p1,p1,false,mention,2026-01-05T10:00:00Z,,bad ").getBytes(StandardCharsets.UTF_8));
        file.write(new byte[]{(byte) 0xC3, (byte) 0x28});                                  // line 7: invalid UTF-8
        file.writeBytes(("\n"
                + "x,Bad,b6,p1,p1,maybe,mention,2026-01-05T10:00:00Z,,bad flag\n"         // line 8
                + "x,Bad,ok2,Bad,Bad,true,reply,2026-01-05T10:05:00+01:00,ok1,\"multi\nline\"\n" // lines 9-10
                + "x,Bad,ok3,p2,p2,false,mention,2026-01-05T11:00:00Z,,fine too\n").getBytes(StandardCharsets.UTF_8));

        ImportReport report = post("messages", file.toByteArray());

        assertEquals(9, report.rowsRead());
        assertEquals(3, report.inserted());
        assertEquals(6, report.rejected());
        Map<Long, String> fieldByLine = new java.util.TreeMap<>();
        report.problems().forEach(p -> fieldByLine.put(p.line(), String.valueOf(p.field())));
        assertEquals(Map.of(3L, "created_at", 4L, "kind", 5L, "message_id", 6L, "null", 7L, "text", 8L, "from_brand"), fieldByLine);
        RejectedRow columns = report.problems().stream().filter(p -> p.line() == 6).findFirst().orElseThrow();
        assertTrue(columns.reason().contains("expected 10 columns, found 8"), columns.reason());
        RejectedRow utf8 = report.problems().stream().filter(p -> p.line() == 7).findFirst().orElseThrow();
        assertTrue(utf8.reason().contains("invalid UTF-8"), utf8.reason());
        // the report can be read again later, rejected rows included
        ImportReport again = client.toBlocking().retrieve("/api/imports/" + report.id(), ImportReport.class);
        assertEquals(report.problems(), again.problems());
        List<?> kept = client.toBlocking().retrieve(HttpRequest.GET("/api/imports/" + report.id() + "/problems"), List.class);
        assertEquals(6, kept.size());
    }

    @Test
    void aFileThatIsNotCsvAnUnknownFormatOrAnEmptyBodyIsRefusedWithA400() {
        HttpClientResponseException png = assertThrows(HttpClientResponseException.class,
                () -> post("messages", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'}));
        assertEquals(HttpStatus.BAD_REQUEST, png.getStatus());
        HttpClientResponseException json = assertThrows(HttpClientResponseException.class,
                () -> post("messages", "{\"network\": \"x\"}\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(json.getResponse().getBody(String.class).orElse("").contains("lacks the column"));
        HttpClientResponseException format = assertThrows(HttpClientResponseException.class,
                () -> post("tweets", HEADER.getBytes(StandardCharsets.UTF_8)));
        assertTrue(format.getResponse().getBody(String.class).orElse("").contains("unknown format 'tweets'"));
        HttpClientResponseException empty = assertThrows(HttpClientResponseException.class,
                () -> post("messages", new byte[0]));
        assertEquals(HttpStatus.BAD_REQUEST, empty.getStatus());
    }

    @Test
    void duplicatesWithinAFileCountOnceAndTheLaterCopyWins() {
        ImportReport report = post("messages", (HEADER
                + "x,Dup,d1,p1,p1,false,mention,2026-01-05T10:00:00Z,,first copy\n"
                + "x,Dup,d1,p1,p1,false,mention,2026-01-05T10:00:00Z,,second copy\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(2, report.rowsRead());
        assertEquals(1, report.inserted());
        assertEquals(1, report.updated());
        ImportReport changed = post("messages", (HEADER
                + "x,Dup,d1,p1,p1,false,mention,2026-01-05T10:00:00Z,,third copy\n").getBytes(StandardCharsets.UTF_8));
        assertEquals(0, changed.inserted());
        assertEquals(1, changed.updated());
    }

    @Test
    void ndjsonFollowersAndSurveysImportWithTheirOwnChecks() {
        ImportReport ndjson = post("messages-ndjson", ("""
                {"network":"x","account":"Nd","message_id":"n1","author_id":"p1","author_handle":"p1","from_brand":false,"kind":"mention","created_at":"2026-01-05T10:00:00Z","in_reply_to":null,"text":"hi"}
                not json at all
                {"network":"x","account":"Nd","message_id":"n2","author_id":"Nd","author_handle":"Nd","from_brand":true,"kind":"reply","created_at":"2026-01-05T10:10:00Z","in_reply_to":"n1","text":"hello"}
                """).getBytes(StandardCharsets.UTF_8));
        assertEquals(2, ndjson.inserted());
        assertEquals(List.of(2L), ndjson.problems().stream().map(RejectedRow::line).toList());

        ImportReport followers = post("followers", "network,account,day,followers\nx,Nd,2026-01-05,100\nx,Nd,2026-13-01,5\nx,Nd,2026-01-06,-3\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, followers.inserted());
        assertEquals(List.of("day", "followers"), followers.problems().stream().map(RejectedRow::field).toList());

        ImportReport surveys = post("surveys", "network,author_id,day,score\nx,p1,2026-01-05,9\nx,p1,2026-01-06,11\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, surveys.inserted());
        assertEquals("score", surveys.problems().get(0).field());
    }

    @Test
    void twcsTweetsWithoutABrandInThreadOrTextAreUnattributed() {
        ImportReport report = post("twcs", ("""
                tweet_id,author_id,inbound,created_at,text,response_tweet_id,in_response_to_tweet_id
                1,AcmeHelp,False,Tue Oct 31 22:10:47 +0000 2017,@100 we can help,,2.0
                2,100,True,Tue Oct 31 22:00:00 +0000 2017,@AcmeHelp my kettle broke,1,
                3,101,True,Tue Oct 31 23:00:00 +0000 2017,hey @acmehelp is the store open?,,
                4,102,True,Tue Oct 31 23:05:00 +0000 2017,@friend look at this,,
                5,103,Maybe,Tue Oct 31 23:06:00 +0000 2017,bad inbound,,
                """).getBytes(StandardCharsets.UTF_8));
        assertEquals(5, report.rowsRead());
        assertEquals(3, report.inserted());
        assertEquals(1, report.unattributed());
        assertEquals(1, report.rejected());
        RejectedRow unattributed = report.problems().stream().filter(RejectedRow::unattributed).findFirst().orElseThrow();
        assertEquals(5, unattributed.line());
    }
}
