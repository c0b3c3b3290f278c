package rapport;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.ClientFilterChain;
import io.micronaut.http.filter.HttpClientFilter;
import org.reactivestreams.Publisher;

/**
 * Tests call the API as an admin program (the bootstrap token of {@link TestDatabase}) unless they say
 * otherwise: a request with its own Authorization header, or with {@code X-Test-Anonymous}, goes as it is.
 */
@Filter("/**")
@Requires(env = "test")
public class AdminTokenClientFilter implements HttpClientFilter {

    public static final String ANONYMOUS = "X-Test-Anonymous";

    @Override
    public Publisher<? extends HttpResponse<?>> doFilter(MutableHttpRequest<?> request, ClientFilterChain chain) {
        if (request.getHeaders().contains(ANONYMOUS)) {
            request.getHeaders().remove(ANONYMOUS);
        } else if (!request.getHeaders().contains("Authorization")) {
            request.bearerAuth(TestDatabase.ADMIN_TOKEN);
        }
        return chain.proceed(request);
    }
}
