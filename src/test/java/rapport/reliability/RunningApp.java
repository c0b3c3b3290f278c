package rapport.reliability;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.DefaultHttpClientConfiguration;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import rapport.TestDatabase;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The application started on given database properties, called over HTTP as the test admin. */
final class RunningApp implements AutoCloseable {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    final EmbeddedServer server;
    final HttpClient http;

    RunningApp(Map<String, ?> database) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("micronaut.server.port", -1);
        properties.putIfAbsent("rapport.demo", "false");
        properties.putIfAbsent("rapport.rollups.background", "false");
        properties.putIfAbsent("rapport.bootstrap-token", TestDatabase.ADMIN_TOKEN);
        properties.putIfAbsent("rapport.admin-password", TestDatabase.ADMIN_PASSWORD);
        this.server = ApplicationContext.run(EmbeddedServer.class, properties, "test");
        DefaultHttpClientConfiguration configuration = new DefaultHttpClientConfiguration();
        configuration.setFollowRedirects(false);
        this.http = HttpClient.create(server.getURL(), configuration);
    }

    /** Status and JSON body of a request made as the admin token; errors are answers too. */
    Answer call(MutableHttpRequest<?> request) {
        return anonymous(request.bearerAuth(TestDatabase.ADMIN_TOKEN));
    }

    /** As {@link #call} with no credentials but those the request carries. */
    Answer anonymous(MutableHttpRequest<?> request) {
        try {
            HttpResponse<String> response = http.toBlocking().exchange(request, String.class);
            return new Answer(response.code(), parse(response.body()));
        } catch (HttpClientResponseException e) {
            return new Answer(e.getStatus().getCode(), parse(e.getResponse().getBody(String.class).orElse(null)));
        }
    }

    private static Object parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(body, Object.class);
        } catch (java.io.IOException e) {
            return body;
        }
    }

    Answer get(String uri) {
        return call(HttpRequest.GET(uri));
    }

    Answer health() {
        return anonymous(HttpRequest.GET("/health"));
    }

    Answer importFile(String format, String body, boolean async) {
        return call(HttpRequest.POST("/api/imports?format=" + format + (async ? "&async=true" : ""), body)
                .contentType(MediaType.TEXT_PLAIN_TYPE));
    }

    String text(String uri) {
        return http.toBlocking().retrieve(HttpRequest.GET(uri).bearerAuth(TestDatabase.ADMIN_TOKEN));
    }

    /** An answer's status and its JSON: an object, an array, or the text when it is no JSON. */
    record Answer(int status, Object json) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body() {
            return json instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        }

        Object get(String key) {
            return body() == null ? null : body().get(key);
        }
    }

    /** Waits for a condition that a background process (restart, import) makes true; fails after {@code limit}. */
    static void await(Duration limit, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not " + what + " after " + limit);
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        http.close();
        server.getApplicationContext().close();
    }
}
