package rapport.ingest.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import rapport.cli.CommandFailed;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code rapport import --format twcs FILE [--server URL] [--token TOKEN]}: posts the file to a running
 * server, draws the import's progress until it ends and prints what the import did. Every failure is one line.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a file into a running Rapport server (docs/import-formats.md describes the formats).")
public final class ImportCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(300);

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "messages, messages-ndjson, followers, surveys or twcs")
    String format;

    @Parameters(paramLabel = "FILE", description = "the file to import (UTF-8)")
    Path file;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:RAPPORT_SERVER:-http://localhost:8080}",
            description = "the server (default: RAPPORT_SERVER or ${DEFAULT-VALUE})")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:RAPPORT_TOKEN}",
            description = "an admin API token (default: RAPPORT_TOKEN); create one on the Admin page")
    String token;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            throw new CommandFailed("no such file: " + file);
        }
        if (token == null || token.isBlank()) {
            throw new CommandFailed("no token: pass --token or set RAPPORT_TOKEN (an admin creates tokens on the Admin page)");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI upload = uri("/api/imports?async=true&format=" + encode(format) + "&name=" + encode(file.getFileName().toString()));
        err.printf("uploading %s (%s) to %s%n", file, ProgressBar.bytes(Files.size(file)), server);
        err.flush();
        JsonNode accepted = send(http, request(upload).POST(HttpRequest.BodyPublishers.ofFile(file)).build());
        long id = accepted.path("id").asLong();
        ProgressBar bar = new ProgressBar(err);
        while (true) {
            JsonNode report = send(http, request(uri("/api/imports/" + id)).GET().build());
            String state = report.path("state").asText();
            if (!"running".equals(state)) {
                bar.done();
                if (!"done".equals(state)) {
                    throw new CommandFailed("the server refused the file: " + report.path("error").asText("no reason given"));
                }
                out.println(summary(report));
                for (JsonNode problem : report.path("problems")) {
                    out.printf("  line %d, %s: %s%n", problem.path("line").asLong(), problem.path("field").asText("-"),
                            problem.path("reason").asText());
                }
                out.flush();
                return 0;
            }
            bar.draw(report.path("bytesRead").asLong(), report.path("bytesTotal").asLong(),
                    report.path("rowsRead").asLong(), report.path("phase").asText());
            Thread.sleep(POLL.toMillis());
        }
    }

    static String summary(JsonNode r) {
        String text = String.format("%s: %,d rows read, %,d new, %,d updated, %,d unchanged, %,d rejected, %,d unattributed",
                r.path("fileName").asText("the file"), r.path("rowsRead").asLong(), r.path("inserted").asLong(),
                r.path("updated").asLong(), r.path("unchanged").asLong(), r.path("rejected").asLong(),
                r.path("unattributed").asLong());
        long kept = r.path("rejected").asLong() + r.path("unattributed").asLong();
        return kept == 0 ? text : text + " (the rows kept out are listed below and at "
                + "/api/imports/" + r.path("id").asLong() + "/problems)";
    }

    /** One HTTP exchange; every way it can go wrong becomes one line for the user. */
    private JsonNode send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CommandFailed("cannot reach the server at " + server + " (is it running? see --server)");
        }
        int status = response.statusCode();
        if (status == 401) {
            throw new CommandFailed("the server did not accept the token (401): it is wrong or revoked");
        }
        if (status == 403) {
            throw new CommandFailed("the token may not import (403): imports need an admin token");
        }
        JsonNode body = parse(response.body());
        if (status >= 400) {
            String why = body != null && body.hasNonNull("error") ? body.get("error").asText()
                    : body != null && body.hasNonNull("message") ? body.get("message").asText() : "HTTP " + status;
            throw new CommandFailed("the server refused the file: " + why);
        }
        if (body == null) {
            throw new CommandFailed("the server at " + server + " did not answer like Rapport (HTTP " + status + ", not JSON)");
        }
        return body;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private URI uri(String path) {
        try {
            return URI.create(server.replaceAll("/+$", "") + path);
        } catch (IllegalArgumentException e) {
            throw new CommandFailed("not a server address: " + server);
        }
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
