package rapport.security;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Browser sessions: a random secret in an HttpOnly cookie, its hash in the database, a CSRF token beside it. */
@Singleton
class Sessions {

    static final String COOKIE = "rapport_session";
    static final Duration LIFETIME = Duration.ofHours(12);

    private final UserSessionRepository sessions;
    private final CallerLookup callers;

    Sessions(UserSessionRepository sessions, CallerLookup callers) {
        this.sessions = sessions;
        this.callers = callers;
    }

    /** Starts a session; returns the cookie's secret (shown to nobody else, stored only hashed). */
    String start(AppUser user) {
        sessions.deleteExpired();
        String secret = Secrets.newSecret(Secrets.SESSION_PREFIX);
        sessions.save(new UserSession(Secrets.hash(secret), user.id(), Secrets.newSecret(""), null, Instant.now().plus(LIFETIME)));
        return secret;
    }

    Optional<Caller> find(String secret) {
        return callers.bySession(Secrets.hash(secret), Instant.now());
    }

    void end(String secret) {
        sessions.deleteById(Secrets.hash(secret));
    }
}
