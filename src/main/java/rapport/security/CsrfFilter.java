package rapport.security;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.security.authentication.Authentication;
import org.reactivestreams.Publisher;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * A state-changing request made with the session cookie must carry the session's CSRF token in
 * {@code X-CSRF-Token}: another site can make a browser send the cookie, but cannot read the token.
 * Programs using a bearer token are not exposed to CSRF and need none.
 */
@Filter("/**")
class CsrfFilter implements HttpServerFilter {

    static final String HEADER = "X-CSRF-Token";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        // signing in (again) starts a new session and acts with none: a user already signed in may do it
        if (SAFE.contains(request.getMethod()) || request.getPath().equals("/login")) {
            return chain.proceed(request);
        }
        Object expected = request.getUserPrincipal(Authentication.class)
                .map(a -> a.getAttributes().get(Caller.CSRF_ATTRIBUTE)).orElse(null);
        if (expected == null) {
            return chain.proceed(request);
        }
        String given = request.getHeaders().get(HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.toString().getBytes(StandardCharsets.UTF_8))) {
            return Publishers.just(HttpResponse.status(HttpStatus.FORBIDDEN)
                    .body(Map.of("error", "missing or wrong " + HEADER + " header (get it from GET /api/me)")));
        }
        return chain.proceed(request);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
