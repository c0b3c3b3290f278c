package rapport.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;

import java.util.Optional;

/** Reads the session cookie; the bearer header is read by Micronaut Security's own reader. */
@Singleton
class CallerTokenReader implements TokenReader<HttpRequest<?>> {

    @Override
    public Optional<String> findToken(HttpRequest<?> request) {
        return request.getCookies().findCookie(Sessions.COOKIE).map(Cookie::getValue);
    }

    /** After the bearer reader: a program's token wins over a stray cookie. */
    @Override
    public int getOrder() {
        return 100;
    }
}
