package rapport.security;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.AdminTokenClientFilter;
import rapport.FreshDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 5: who may call what. Every endpoint, called as anonymous, viewer, analyst and admin. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlTest implements FreshDatabase {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Router router;

    /** Callers from least to most privileged; null means no credentials. */
    final Map<String, String> tokenOf = new java.util.LinkedHashMap<>();

    record Endpoint(HttpMethod method, String path, Object body, String minimum) {
    }

    static final List<String> CALLERS = List.of("anonymous", "viewer", "analyst", "admin");

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(HttpMethod.GET, "/health", null, "anonymous"),
            new Endpoint(HttpMethod.GET, "/prometheus", null, "admin"),
            new Endpoint(HttpMethod.GET, "/webjars/echarts/5.5.0/echarts.min.js", null, "anonymous"),
            new Endpoint(HttpMethod.GET, "/api/me", null, "viewer"),
            new Endpoint(HttpMethod.GET, "/api/accounts", null, "viewer"),
            new Endpoint(HttpMethod.GET, "/api/metrics/definitions", null, "viewer"),
            new Endpoint(HttpMethod.GET, "/api/metrics?grain=week&from=2026-01-05&to=2026-01-05", null, "viewer"),
            new Endpoint(HttpMethod.GET, "/api/tiers?from=2026-01-05&to=2026-01-05", null, "viewer"),
            new Endpoint(HttpMethod.GET, "/api/cohorts?from=2026-01-05&to=2026-01-05", null, "viewer"),
            new Endpoint(HttpMethod.GET, "/api/response-times?from=2026-01-05&to=2026-01-05", null, "viewer"),
            new Endpoint(HttpMethod.GET, "/api/nps-by-tier?from=2026-01-05&to=2026-01-05", null, "viewer"),
            new Endpoint(HttpMethod.GET, "/api/export/metrics.csv?from=2026-01-05&to=2026-01-05", null, "analyst"),
            new Endpoint(HttpMethod.GET, "/api/export/metrics.json?from=2026-01-05&to=2026-01-05", null, "analyst"),
            new Endpoint(HttpMethod.GET, "/api/export/tiers.csv?from=2026-01-05&to=2026-01-05", null, "analyst"),
            new Endpoint(HttpMethod.GET, "/api/people", null, "analyst"),
            new Endpoint(HttpMethod.GET, "/api/people.csv", null, "analyst"),
            new Endpoint(HttpMethod.GET, "/api/people/profile?network=x&author_id=nobody", null, "analyst"),
            new Endpoint(HttpMethod.POST, "/api/people/erasures", Map.of("network", "x", "author_id", "nobody"), "admin"),
            new Endpoint(HttpMethod.GET, "/openapi/rapport.yml", null, "anonymous"),
            new Endpoint(HttpMethod.GET, "/api/imports", null, "admin"),
            new Endpoint(HttpMethod.GET, "/api/imports/1", null, "admin"),
            new Endpoint(HttpMethod.GET, "/api/imports/1/problems", null, "admin"),
            new Endpoint(HttpMethod.POST, "/api/imports?format=surveys", "network,author_id,day,score\nx,p,2026-01-05,9\n", "admin"),
            new Endpoint(HttpMethod.GET, "/api/users", null, "admin"),
            new Endpoint(HttpMethod.POST, "/api/users", Map.of("username", "u", "password", "short", "role", "viewer"), "admin"),
            new Endpoint(HttpMethod.DELETE, "/api/users/nobody", null, "admin"),
            new Endpoint(HttpMethod.GET, "/api/tokens", null, "admin"),
            new Endpoint(HttpMethod.POST, "/api/tokens", Map.of("name", "", "role", "viewer"), "admin"),
            new Endpoint(HttpMethod.DELETE, "/api/tokens/9999", null, "admin"),
            new Endpoint(HttpMethod.POST, "/logout", null, "viewer"));

    @BeforeAll
    void createCallers() {
        tokenOf.put("anonymous", null);
        for (String role : List.of("viewer", "analyst", "admin")) {
            Map<?, ?> created = client.toBlocking().retrieve(HttpRequest.POST("/api/tokens", Map.of("name", role + "-test", "role", role)), Map.class);
            tokenOf.put(role, (String) created.get("token"));
        }
    }

    @Test
    void everyEndpointAnswersEachRoleAsItsRuleSays() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String caller : CALLERS) {
                int status = status(endpoint, tokenOf.get(caller));
                boolean allowed = CALLERS.indexOf(caller) >= CALLERS.indexOf(endpoint.minimum());
                int denied = caller.equals("anonymous") ? 401 : 403;
                if (allowed ? (status == 401 || status == 403) : status != denied) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + " as " + caller + ": " + status
                            + (allowed ? " (should be allowed)" : " (should be " + denied + ")"));
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyRouteOfTheApplicationHasAnExplicitRule() {
        List<String> unsecured = router.uriRoutes()
                .filter(route -> !route.getTargetMethod().getAnnotationMetadata().hasAnnotation(Secured.class)
                        && !route.getTargetMethod().getDeclaringType().isAnnotationPresent(Secured.class))
                .map(route -> route.getHttpMethod() + " " + route.getUriMatchTemplate())
                // Micronaut's own management endpoints are configured by endpoints.*.sensitive and the
                // intercept-url-map (/prometheus: admins), and checked caller by caller in ENDPOINTS
                .filter(route -> !route.contains("/health") && !route.contains("/prometheus"))
                .toList();
        assertEquals(List.of(), unsecured);
        List<String> tested = ENDPOINTS.stream().map(e -> e.path().replaceAll("\\?.*", "")).toList();
        assertTrue(tested.size() >= 20);
    }

    @Test
    void aRevokedTokenIsRefusedAtOnce() {
        Map<?, ?> created = client.toBlocking().retrieve(HttpRequest.POST("/api/tokens", Map.of("name", "short-lived", "role", "viewer")), Map.class);
        String token = (String) created.get("token");
        assertEquals(200, status(new Endpoint(HttpMethod.GET, "/api/accounts", null, "viewer"), token));
        client.toBlocking().exchange(HttpRequest.DELETE("/api/tokens/" + created.get("id")));
        assertEquals(401, status(new Endpoint(HttpMethod.GET, "/api/accounts", null, "viewer"), token));
    }

    @Test
    void tokensAreStoredOnlyAsHashes() {
        List<Map> tokens = client.toBlocking().retrieve(HttpRequest.GET("/api/tokens"), Argument.listOf(Map.class));
        assertTrue(tokens.stream().noneMatch(t -> t.containsKey("token") || t.containsKey("tokenHash")));
    }

    @Test
    void responsesCarrySecurityHeaders() {
        HttpResponse<String> health = client.toBlocking().exchange(HttpRequest.GET("/health").header(AdminTokenClientFilter.ANONYMOUS, "1"), String.class);
        assertTrue(health.header("Content-Security-Policy").contains("script-src 'self'"));
        assertTrue(health.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("nosniff", health.header("X-Content-Type-Options"));
    }

    int status(Endpoint endpoint, String token) {
        MutableHttpRequest<Object> request = HttpRequest.create(endpoint.method(), endpoint.path());
        if (endpoint.body() != null) {
            request.body(endpoint.body()).contentType(endpoint.body() instanceof String ? MediaType.TEXT_PLAIN_TYPE : MediaType.APPLICATION_JSON_TYPE);
        }
        if (token == null) {
            request.header(AdminTokenClientFilter.ANONYMOUS, "1");
        } else {
            request.bearerAuth(token);
        }
        try {
            return client.toBlocking().exchange(request, String.class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    static Stream<String> callers() {
        return CALLERS.stream();
    }
}
