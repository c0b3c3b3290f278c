package rapport.security;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import rapport.FreshDatabase;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every request's caller: a session until it expires, with its user's current role; a token until it is revoked. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallerLookupTest implements FreshDatabase {

    @Inject
    CallerLookup callers;

    @Inject
    AppUserRepository users;

    @Inject
    UserSessionRepository sessions;

    @Inject
    ApiTokens tokens;

    @Test
    void session_isTheUsersUntilItExpires() {
        AppUser ann = users.save(new AppUser(null, "ann", "x", Role.ANALYST.key(), null));
        Instant expires = Instant.parse("2026-01-05T12:00:00Z");
        sessions.save(new UserSession("hash-of-ann", ann.id(), "csrf-1", null, expires));

        assertEquals(Optional.of(new Caller("ann", Role.ANALYST, "csrf-1")), callers.bySession("hash-of-ann", expires.minusSeconds(1)));
        assertEquals(Optional.empty(), callers.bySession("hash-of-ann", expires), "expired at its expiry");
        assertEquals(Optional.empty(), callers.bySession("hash-of-nobody", expires.minusSeconds(1)));
    }

    @Test
    void session_carriesTheRoleTheUserHasNow_andEndsWithTheUser() {
        AppUser bob = users.save(new AppUser(null, "bob", "x", Role.VIEWER.key(), null));
        Instant expires = Instant.parse("2026-01-05T12:00:00Z");
        Instant now = expires.minusSeconds(60);
        sessions.save(new UserSession("hash-of-bob", bob.id(), "csrf-2", null, expires));
        assertEquals(Optional.of(new Caller("bob", Role.VIEWER, "csrf-2")), callers.bySession("hash-of-bob", now));

        users.updateRole("bob", Role.ADMIN.key());
        assertEquals(Optional.of(new Caller("bob", Role.ADMIN, "csrf-2")), callers.bySession("hash-of-bob", now),
                "a role changed by an admin holds on the session's next request");

        users.deleteByUsername("bob");
        assertEquals(Optional.empty(), callers.bySession("hash-of-bob", now), "a deleted user's session ends");
    }

    @Test
    void token_isTheProgramsUntilItIsRevoked() {
        ApiTokens.Created created = tokens.create("exporter", Role.VIEWER, "admin");

        assertEquals(Optional.of(new Caller("token:exporter", Role.VIEWER, null)), tokens.find(created.token()));
        tokens.revoke(created.id());
        assertEquals(Optional.empty(), tokens.find(created.token()));
    }
}
