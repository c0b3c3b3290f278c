package rapport.system;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every error the framework answers itself (401, 403, 404, 405, 413, 415, conversion errors, 500) has the
 * one shape of this API: {@code {"error": "…"}}. A server error says only that it happened: stack traces,
 * exception texts ("Java heap space") and SQL stay in the log.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ErrorBodies implements ErrorResponseProcessor<Map<String, String>> {

    static final String DATABASE_UNAVAILABLE = "database unavailable";
    private static final Logger LOG = LoggerFactory.getLogger(ErrorBodies.class);

    private final DatabaseUnavailable unavailable;

    ErrorBodies(DatabaseUnavailable unavailable) {
        this.unavailable = unavailable;
    }

    static String internal(String reference) {
        return "internal error (reference " + reference + " in the server log)";
    }

    @Override
    public MutableHttpResponse<Map<String, String>> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        int status = response.code();
        String message;
        if (status >= 500) {
            if (context.getRootCause().map(unavailable::explains).orElse(false)) {
                response.status(503).header("Retry-After", "5");
                message = DATABASE_UNAVAILABLE;
            } else {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                LOG.error("{} {} answered {} (reference {})", context.getRequest().getMethod(), context.getRequest().getPath(),
                        status, reference, context.getRootCause().orElse(null));
                message = internal(reference);
            }
        } else if (context.hasErrors()) {
            message = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        } else {
            message = response.reason();
        }
        return response.contentType(MediaType.APPLICATION_JSON_TYPE).body(Map.of("error", message));
    }
}
