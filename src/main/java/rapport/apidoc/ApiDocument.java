package rapport.apidoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenAPI 3 document. micronaut-openapi writes it from the controllers at compile time
 * ({@code META-INF/swagger/rapport.yml}: paths, parameters, schemas, the descriptions and examples of their
 * annotations and Javadoc); this class adds, once and for every operation, what is the same everywhere: how
 * callers authenticate and the error answers ({@code {"error": "…"}}), so that routes added later are
 * described without anyone listing them.
 */
@Singleton
@OpenAPIDefinition(info = @Info(title = "Rapport API", version = "0.1.0",
        description = "Relationship-quality metrics of a brand's social accounts (definitions: docs/metric-definitions.md). Sign in at /login.html "
                + "(session cookie; state-changing requests send the CSRF token of GET /api/me in X-CSRF-Token) or send "
                + "an API token: `Authorization: Bearer rpt_…`. Roles: viewer (dashboard), analyst (+ exports, people), "
                + "admin (+ imports, users, tokens, erasure). Bad parameters answer 400 with {\"error\": \"…\"} naming the parameter."),
        tags = {@Tag(name = "metrics", description = "metric series and relationship views"),
                @Tag(name = "exports", description = "the same figures as files"),
                @Tag(name = "people", description = "the per-person relationship table and profiles")})
public class ApiDocument {

    static final String GENERATED = "META-INF/swagger/rapport.yml";
    /** Descriptions and examples of operations and parameters whose code carries none. */
    static final String NOTES = "apidoc/operations.yml";

    private static final Map<String, String> ERRORS = Map.of(
            "400", "a parameter, field or row is wrong; the message names it",
            "401", "no valid session or API token",
            "403", "the caller's role may not do this",
            "404", "no such thing");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private volatile String text;

    /** The document as YAML, read and completed on first use. */
    public String yaml() {
        String done = text;
        if (done == null) {
            try {
                done = yaml.writeValueAsString(complete(read()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            text = done;
        }
        return done;
    }

    /** The document as a tree (for tests and tools). */
    public JsonNode tree() {
        try {
            return yaml.readTree(yaml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectNode read() throws IOException {
        try (InputStream in = ApiDocument.class.getClassLoader().getResourceAsStream(GENERATED)) {
            if (in == null) {
                throw new IllegalStateException(GENERATED + " is missing: the build runs micronaut-openapi's annotation processor");
            }
            return (ObjectNode) yaml.readTree(in);
        }
    }

    private ObjectNode complete(ObjectNode doc) throws IOException {
        JsonNode notes;
        try (InputStream in = ApiDocument.class.getClassLoader().getResourceAsStream(NOTES)) {
            notes = yaml.readTree(in);
        }
        ObjectNode components = doc.with("components");
        ObjectNode schemes = components.with("securitySchemes");
        schemes.putObject("token").put("type", "http").put("scheme", "bearer")
                .put("description", "an API token created by an admin (POST /api/tokens), e.g. rpt_…");
        schemes.putObject("session").put("type", "apiKey").put("in", "cookie").put("name", "rapport_session")
                .put("description", "the session cookie set by POST /login");
        ArrayNode security = doc.putArray("security");
        security.addObject().putArray("token");
        security.addObject().putArray("session");
        ObjectNode errorSchema = components.with("schemas").putObject("Error");
        errorSchema.put("type", "object").putArray("required").add("error");
        errorSchema.with("properties").putObject("error").put("type", "string").put("description", "what was wrong, naming the parameter");
        ObjectNode responses = components.with("responses");
        ERRORS.forEach((status, description) -> {
            ObjectNode json = responses.putObject("Error" + status).put("description", description)
                    .with("content").with("application/json");
            json.putObject("schema").put("$ref", "#/components/schemas/Error");
            json.putObject("example").put("error", example(status));
        });
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.with("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> method = ops.next();
                ObjectNode op = (ObjectNode) method.getValue();
                describe(op, notes.path("operations").path(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey()));
                for (JsonNode parameter : op.path("parameters")) {
                    JsonNode note = notes.path("parameters").path(parameter.path("name").asText());
                    if (!parameter.has("description") && note.has("description")) {
                        ((ObjectNode) parameter).set("description", note.get("description"));
                        ((ObjectNode) parameter).set("example", note.get("example"));
                    }
                }
                ObjectNode answers = op.with("responses");
                for (String status : List.of("400", "401", "403")) {
                    if (!answers.has(status)) {
                        answers.putObject(status).put("$ref", "#/components/responses/Error" + status);
                    }
                }
                if (path.getKey().contains("{") && !answers.has("404")) {
                    answers.putObject("404").put("$ref", "#/components/responses/Error404");
                }
            }
        }
        return doc;
    }

    /** Summary, description and the success answer's example from the notes, where the code gave none. */
    private static void describe(ObjectNode op, JsonNode note) {
        if (note.isMissingNode()) {
            return;
        }
        if (!op.has("summary")) {
            op.set("summary", note.get("summary"));
        }
        if (!op.has("description")) {
            op.set("description", note.get("description"));
        }
        JsonNode json = op.path("responses").path("200").path("content").path("application/json");
        if (note.has("example") && json instanceof ObjectNode content && !content.has("example")) {
            content.set("example", note.get("example"));
        }
    }

    private static String example(String status) {
        return switch (status) {
            case "400" -> "from: '2026-13-01' is not a date (YYYY-MM-DD)";
            case "401" -> "Unauthorized";
            case "403" -> "Forbidden";
            default -> "Not Found";
        };
    }
}
