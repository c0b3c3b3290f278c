package rapport.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.UUID;

/**
 * Whatever no other handler knows: the database being unreachable is a 503 the client may retry; anything
 * else is a 500 whose details stay in the log (under a reference the answer gives), never in the answer.
 */
@Produces
@Singleton
class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<Map<String, String>>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    private final DatabaseUnavailable unavailable;

    UnexpectedErrorHandler(DatabaseUnavailable unavailable) {
        this.unavailable = unavailable;
    }

    @Override
    public HttpResponse<Map<String, String>> handle(HttpRequest request, Exception exception) {
        if (unavailable.explains(exception)) {
            LOG.warn("{} {}: database unavailable ({})", request.getMethod(), request.getPath(), exception.toString());
            return HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "5")
                    .body(Map.of("error", ErrorBodies.DATABASE_UNAVAILABLE));
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("{} {} failed (reference {})", request.getMethod(), request.getPath(), reference, exception);
        return HttpResponse.<Map<String, String>>serverError().body(Map.of("error", ErrorBodies.internal(reference)));
    }
}
