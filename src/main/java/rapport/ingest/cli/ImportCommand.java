package rapport.ingest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar rapport.jar import --format twcs FILE [--server http://localhost:8080] [--token T]}:
 * posts the file to a running server and draws the import's progress until it ends.
 */
public final class ImportCommand {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USAGE =
            "usage: import --format <messages|messages-ndjson|followers|surveys|twcs> FILE [--server URL] [--token TOKEN]";

    private ImportCommand() {
    }

    public static int run(String[] args) throws IOException, InterruptedException {
        String format = null;
        String server = System.getenv().getOrDefault("RAPPORT_SERVER", "http://localhost:8080");
        String token = System.getenv("RAPPORT_TOKEN");
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--format" -> format = args[++i];
                case "--server" -> server = args[++i];
                case "--token" -> token = args[++i];
                default -> file = Path.of(args[i]);
            }
        }
        PrintStream err = System.err;
        if (format == null || file == null) {
            err.println(USAGE);
            return 2;
        }
        if (!Files.isRegularFile(file)) {
            err.println("no such file: " + file);
            return 2;
        }
        HttpClient http = HttpClient.newHttpClient();
        URI upload = URI.create(server + "/api/imports?async=true&format=" + encode(format)
                + "&name=" + encode(file.getFileName().toString()));
        err.printf("uploading %s (%s)…%n", file, ProgressBar.bytes(Files.size(file)));
        HttpResponse<String> accepted = http.send(authorized(HttpRequest.newBuilder(upload), token)
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() >= 400) {
            err.println("refused (" + accepted.statusCode() + "): " + accepted.body());
            return 1;
        }
        long id = JSON.readTree(accepted.body()).path("id").asLong();
        ProgressBar bar = new ProgressBar(err);
        while (true) {
            HttpResponse<String> status = http.send(authorized(HttpRequest.newBuilder(
                    URI.create(server + "/api/imports/" + id)), token).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode report = JSON.readTree(status.body());
            String state = report.path("state").asText();
            if (!"running".equals(state)) {
                bar.done();
                System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
                return "done".equals(state) ? 0 : 1;
            }
            bar.draw(report.path("bytesRead").asLong(), report.path("bytesTotal").asLong(),
                    report.path("rowsRead").asLong(), report.path("phase").asText());
            Thread.sleep(300);
        }
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String token) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
