package rapport.people;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.FreshDatabase;
import rapport.TestDatabase;
import rapport.system.Database;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 11: the whole people table streams in constant memory. 400,000 generated rows (~100 MB of CSV) are
 * exported by the real server started in its own JVM with a 64 MB heap: holding the file, or the rows, would
 * not fit.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleExportStreamingTest implements FreshDatabase {

    static final int PERSONS = 400_000;

    @Inject
    Database database;

    @Inject
    PersonSummaryRefresher refresher;

    @Value("${datasources.default.url}")
    String url;

    @Test
    void aLargeTableStreamsAsCsvAndNdjsonUnderASmallHeap() throws Exception {
        refresher.refresh(); // the start-up computation is done: nothing recomputes the table under the generated rows
        try (Connection c = database.connection(); Statement st = c.createStatement();
             PreparedStatement insert = c.prepareStatement("""
                    insert into person_summary (scope, person_id, network, author_id, handle, accounts, first_seen, last_seen,
                        first_active, active_weeks, messages, conversations, inbound_turns, answered_turns, median_response_minutes,
                        amplifications, reactions, tier, tier_before, latest_nps, waiting_since)
                    select 'all', i, 'x', 'author-' || i, '=handle-' || i, 'x/AcmeSupport', timestamptz '2026-01-05' + i * interval '1 second',
                        timestamptz '2026-03-05' + i * interval '1 second', timestamptz '2026-01-05', i % 13, i % 97, i % 7, i % 11, i % 5,
                        case when i % 3 = 0 then null else (i % 1000) / 7.0 end, i % 4, i % 9, 1 + i % 5, 1 + i % 4,
                        case when i % 2 = 0 then i % 11 end, null
                    from generate_series(1, ?) i""")) {
            insert.setInt(1, PERSONS);
            insert.executeUpdate();
            st.execute("update person_summary_state set as_of = '2026-03-30', period_start = '2026-03-23'");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Files.createTempFile("rapport-small-heap", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), "rapport.Application")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DATASOURCES_DEFAULT_URL", url);
        builder.environment().put("DATASOURCES_DEFAULT_USERNAME", "postgres");
        builder.environment().put("DATASOURCES_DEFAULT_PASSWORD", "postgres");
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        builder.environment().put("RAPPORT_DEMO", "false");
        builder.environment().put("RAPPORT_ROLLUPS_BACKGROUND", "false");
        builder.environment().put("RAPPORT_BOOTSTRAP_TOKEN", TestDatabase.ADMIN_TOKEN);
        Process server = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            waitUntilUp(http, port, server, log);
            assertEquals(PERSONS + 1, lines(http, port, "/api/people.csv?sort=handle&dir=asc", "'=handle-1,"));
            assertEquals(PERSONS, lines(http, port, "/api/people.ndjson?sort=median_response_minutes", "\"handle\":\"=handle-"));
            assertTrue(server.isAlive(), Files.readString(log));
            assertTrue(!Files.readString(log).contains("OutOfMemoryError"));
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    /** Counts the lines of a streamed answer without keeping them; checks one line holds {@code expected}. */
    long lines(HttpClient http, int port, String path, String expected) throws IOException, InterruptedException {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestDatabase.ADMIN_TOKEN).build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode());
        long count = 0;
        boolean found = false;
        for (Iterator<String> it = response.body().iterator(); it.hasNext(); count++) {
            String line = it.next();
            found |= count < 3 && line.contains(expected);
        }
        assertTrue(found, path + " does not start with a row holding " + expected);
        return count;
    }

    static void waitUntilUp(HttpClient http, int port, Process server, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(server.isAlive(), () -> "the server stopped: " + read(log));
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server did not start: " + read(log));
    }

    static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
