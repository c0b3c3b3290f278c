package rapport.summary;

import io.micronaut.http.client.HttpClient;
import rapport.RapportApi;
import rapport.demo.DemoDataGenerator;

import java.time.Instant;

/** The demo brand (messages, followers, surveys) with its data ending on 20 Oct 2026: September complete, October partial. */
public final class SummaryDemo {

    public static final Instant DATA_END = Instant.parse("2026-10-20T12:00:00Z");

    private SummaryDemo() {
    }

    public static void importInto(HttpClient client) {
        RapportApi api = new RapportApi(client);
        DemoDataGenerator.DemoFiles demo = new DemoDataGenerator(11, DATA_END).generate();
        api.importFile("messages", demo.messages());
        api.importFile("followers", demo.followers());
        api.importFile("surveys", demo.surveys());
    }
}
