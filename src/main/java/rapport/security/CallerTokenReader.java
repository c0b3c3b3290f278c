package rapport.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Reads the session cookie (a session secret, nothing else); the bearer header is read by Micronaut Security's own reader. */
@Singleton
class CallerTokenReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        // only a session secret: an API token sent as the cookie would be a cookie-borne credential without a
        // CSRF token, which a forged cross-site request could then use
        return request.getCookies().findCookie(Sessions.COOKIE).map(Cookie::getValue)
                .filter(value -> value.startsWith(Secrets.SESSION_PREFIX));
    }

    /** After the bearer reader: a program's token wins over a stray cookie. */
    @Override
    public int getOrder() {
        return 100;
    }
}
