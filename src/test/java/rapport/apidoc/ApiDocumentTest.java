package rapport.apidoc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.AdminTokenClientFilter;
import rapport.FreshDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11: the OpenAPI document is generated from the code, lists every route, and describes each. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiDocumentTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Router router;

    JsonNode served() throws Exception {
        String yaml = client.toBlocking().retrieve(HttpRequest.GET("/openapi/rapport.yml").header(AdminTokenClientFilter.ANONYMOUS, "1"));
        return new ObjectMapper(new YAMLFactory()).readTree(yaml);
    }

    @Test
    void theDocumentListsEveryRouteTheRouterHas() throws Exception {
        JsonNode paths = served().path("paths");
        List<String> missing = new ArrayList<>();
        router.uriRoutes()
                // HEAD is answered for every GET by Micronaut; its own endpoints (health, token_info) are not this API
                .filter(route -> route.getHttpMethod() != HttpMethod.HEAD)
                .filter(route -> !route.getTargetMethod().getDeclaringType().getName().startsWith("io.micronaut."))
                .forEach(route -> {
                    String path = withoutPatterns(route.getUriMatchTemplate().toPathString());
                    String method = route.getHttpMethod().name().toLowerCase(Locale.ROOT);
                    if (!paths.path(path).has(method)) {
                        missing.add(route.getHttpMethod() + " " + path);
                    }
                });
        assertEquals(List.of(), missing);
        assertTrue(paths.size() >= 25, "paths: " + paths.size());
    }

    /**
     * OpenAPI paths name variables without the regular expression a route may constrain them with:
     * {@code /api/summary/{month:[0-9]+-[0-9]+}.pdf} is documented as {@code /api/summary/{month}.pdf}.
     */
    static String withoutPatterns(String template) {
        StringBuilder path = new StringBuilder();
        int depth = 0;
        boolean pattern = false;
        for (char c : template.toCharArray()) {
            if (c == '{' && depth++ == 0) {
                pattern = false;
            } else if (c == '}' && --depth == 0) {
                pattern = false;
            } else if (c == ':' && depth == 1) {
                pattern = true;
                continue;
            }
            if (!pattern) {
                path.append(c);
            }
        }
        return path.toString();
    }

    @Test
    void routePatternsAreLeftOutButVariablesAndTheRestStay() {
        assertEquals("/api/summary/{month}.pdf", withoutPatterns("/api/summary/{month:[0-9]+-[0-9]+}.pdf"));
        assertEquals("/api/x/{year}/{id}", withoutPatterns("/api/x/{year:[0-9]{4}}/{id}"));
        assertEquals("/api/imports/{id}/problems", withoutPatterns("/api/imports/{id}/problems"));
    }

    @Test
    void everyOperationParameterAndErrorIsDescribed() throws Exception {
        JsonNode doc = served();
        List<String> undescribed = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            if (!op.getValue().hasNonNull("summary") || !op.getValue().hasNonNull("description")) {
                undescribed.add(name + ": summary and description");
            }
            for (JsonNode parameter : op.getValue().path("parameters")) {
                if (!parameter.hasNonNull("description") || !parameter.has("example")) {
                    undescribed.add(name + ": parameter " + parameter.path("name").asText());
                }
            }
            for (String status : List.of("400", "401", "403")) {
                if (!op.getValue().path("responses").has(status)) {
                    undescribed.add(name + ": answer " + status);
                }
            }
        }));
        assertEquals(List.of(), undescribed);
        JsonNode error = doc.path("components").path("responses").path("Error400").path("content").path("application/json");
        assertTrue(error.path("example").path("error").asText().contains("from"), error.toString());
        assertEquals("bearer", doc.path("components").path("securitySchemes").path("token").path("scheme").asText());
    }

    @Test
    void swaggerUiIsServedFromTheBundleWithoutSigningIn() {
        for (String path : List.of("/swagger-ui/index.html", "/swagger-ui/start.js", "/swagger-ui/res/swagger-ui-bundle.js",
                "/swagger-ui/res/swagger-ui.css")) {
            HttpResponse<String> response = client.toBlocking().exchange(HttpRequest.GET(path)
                    .header(AdminTokenClientFilter.ANONYMOUS, "1"), String.class);
            assertEquals(200, response.code(), path);
            assertTrue(response.body().length() > 100, path);
        }
    }
}
