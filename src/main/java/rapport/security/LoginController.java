package rapport.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * {@code POST /login} (a form from login.html, or JSON) starts a session in an HttpOnly, SameSite=Strict
 * cookie (Secure over TLS); {@code POST /logout} ends it; {@code GET /api/me} says who is signed in and
 * gives the CSRF token that state-changing requests must echo in {@code X-CSRF-Token}.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginController {

    private final AppUserRepository users;
    private final Sessions sessions;
    private final LoginRateLimiter limiter;

    LoginController(AppUserRepository users, Sessions sessions, LoginRateLimiter limiter) {
        this.users = users;
        this.sessions = sessions;
        this.limiter = limiter;
    }

    record Credentials(@Nullable String username, @Nullable String password, @Nullable String next) {
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post(value = "/login", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.APPLICATION_JSON})
    HttpResponse<?> login(HttpRequest<?> request, @Body Credentials credentials) {
        boolean form = request.getContentType().map(MediaType.APPLICATION_FORM_URLENCODED_TYPE::matches).orElse(false);
        String username = credentials.username() == null ? "" : credentials.username().strip();
        String address = request.getRemoteAddress().getAddress().getHostAddress();
        Optional<Duration> refused = limiter.attempt(username, address);
        if (refused.isPresent()) {
            long seconds = Math.max(1, refused.get().toSeconds());
            return failure(form, HttpStatus.TOO_MANY_REQUESTS, "too many failed sign-ins; try again in " + seconds + " s")
                    .header("Retry-After", String.valueOf(seconds));
        }
        AppUser user = users.findByUsername(username).orElse(null);
        String password = credentials.password() == null ? "" : credentials.password();
        if (!Passwords.matches(password, user == null ? null : user.passwordHash())) {
            limiter.failed(username);
            return failure(form, HttpStatus.UNAUTHORIZED, "wrong user name or password");
        }
        limiter.succeeded(username, address);
        Cookie cookie = Cookie.of(Sessions.COOKIE, sessions.start(user)).httpOnly(true).sameSite(SameSite.Strict)
                .path("/").maxAge(Sessions.LIFETIME).secure(isTls(request));
        if (form) {
            return HttpResponse.seeOther(URI.create(safeNext(credentials.next()))).cookie(cookie);
        }
        return HttpResponse.ok(Map.of("username", user.username(), "role", user.role())).cookie(cookie);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/logout")
    HttpResponse<?> logout(HttpRequest<?> request) {
        request.getCookies().findCookie(Sessions.COOKIE).ifPresent(c -> sessions.end(c.getValue()));
        return HttpResponse.seeOther(URI.create("/login.html"))
                .cookie(Cookie.of(Sessions.COOKIE, "").path("/").maxAge(0).httpOnly(true).sameSite(SameSite.Strict));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/api/me")
    Map<String, Object> me(Authentication authentication) {
        Object csrf = authentication.getAttributes().get(Caller.CSRF_ATTRIBUTE);
        return Map.of("username", authentication.getName(),
                "role", authentication.getAttributes().get(Caller.ROLE_ATTRIBUTE),
                "csrfToken", csrf == null ? "" : csrf);
    }

    private static MutableHttpResponse<?> failure(boolean form, HttpStatus status, String message) {
        if (form) {
            return HttpResponse.seeOther(URI.create("/login.html?error=" + (status == HttpStatus.TOO_MANY_REQUESTS ? "locked" : "wrong")));
        }
        return HttpResponse.status(status).body(Map.of("error", message));
    }

    /**
     * Only same-site paths: an open redirect would let a link send people to a look-alike site. Visible ASCII
     * only (no tab, space or control character, which browsers strip and URIs refuse).
     */
    static String safeNext(String next) {
        boolean sameSite = next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
                && next.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        if (!sameSite) {
            return "/";
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? next : "/";
        } catch (URISyntaxException e) {
            return "/";
        }
    }

    private static boolean isTls(HttpRequest<?> request) {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
