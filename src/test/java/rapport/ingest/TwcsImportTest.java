package rapport.ingest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import rapport.FreshDatabase;

import rapport.system.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The real 5,000-row twcs slice, with its quirks (METRICS.md §7). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwcsImportTest implements FreshDatabase {

    static final Path SAMPLE = Path.of("src/test/resources/twcs/twcs-sample.csv");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Database dataSource;

    ImportReport importSample() throws Exception {
        byte[] body = Files.readAllBytes(SAMPLE);
        return client.toBlocking().retrieve(HttpRequest.POST("/api/imports?format=twcs", body)
                .contentType(MediaType.TEXT_PLAIN_TYPE), ImportReport.class);
    }

    @Test
    @Order(1)
    void everyRowOfTheSliceIsAccountedFor() throws Exception {
        ImportReport report = importSample();
        assertEquals("done", report.state());
        assertEquals(5000, report.rowsRead());
        assertEquals(0, report.rejected(), () -> report.problems().toString());
        assertEquals(report.rowsRead(), report.inserted() + report.updated() + report.unchanged() + report.rejected() + report.unattributed());
        assertEquals(report.inserted(), count("select count(*) from message"));
        // every customer tweet of the slice sits in a thread with a brand tweet or names a brand
        assertEquals(0, report.unattributed());
        assertEquals(5000, report.inserted());
    }

    @Test
    @Order(2)
    void bareCarriageReturnsStayInsideTheText() throws Exception {
        assertEquals(1, count("select count(*) from message where message_id = '3399' and text like '%' || chr(13) || chr(13) || 'I just love%'"));
    }

    @Test
    @Order(3)
    void floatWrittenParentIdsLinkThreads() throws Exception {
        // tweet 2 answers "1.0"
        assertEquals(1, count("select count(*) from message c join message p on c.parent_id = p.id where c.message_id = '2' and p.message_id = '1'"));
    }

    @Test
    @Order(4)
    void reimportingTheSameFileChangesNothing() throws Exception {
        long before = count("select count(*) from message");
        ImportReport again = importSample();
        assertEquals(0, again.inserted());
        assertEquals(before, again.unchanged());
        assertEquals(0, again.updated());
        assertEquals(before, count("select count(*) from message"));
        assertEquals(0, count("select count(*) from message where import_id = " + again.id()));
    }

    long count(String sql) throws Exception {
        try (Connection c = dataSource.connection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
