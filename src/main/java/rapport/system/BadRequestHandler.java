package rapport.system;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.Map;

/** Every 400 has the same JSON shape: {"error": "what was wrong"}. */
@Produces
@Singleton
class BadRequestHandler implements ExceptionHandler<BadRequest, HttpResponse<Map<String, String>>> {

    @Override
    public HttpResponse<Map<String, String>> handle(HttpRequest request, BadRequest exception) {
        return HttpResponse.badRequest(Map.of("error", exception.getMessage()));
    }
}
