package rapport.security;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** Turns a session secret or an API token into the caller's authentication (looked up on every request). */
@Singleton
class CallerTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final Sessions sessions;
    private final ApiTokens tokens;
    private final ExecutorService blocking;

    CallerTokenValidator(Sessions sessions, ApiTokens tokens, @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (!token.startsWith(Secrets.SESSION_PREFIX) && !token.startsWith(Secrets.TOKEN_PREFIX)) {
            return Publishers.empty();
        }
        // the database is not read on the event loop
        CompletableFuture<Optional<Caller>> lookup = CompletableFuture.supplyAsync(() ->
                token.startsWith(Secrets.SESSION_PREFIX) ? sessions.find(token) : tokens.find(token), blocking);
        return Publishers.fromCompletableFuture(lookup.thenApply(caller -> caller.map(Caller::authentication).orElse(null)));
    }
}
