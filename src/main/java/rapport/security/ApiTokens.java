package rapport.security;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** Tokens for programs: shown once when created, stored hashed, checked on every request so revocation is immediate. */
@Singleton
class ApiTokens {

    private final ApiTokenRepository tokens;
    private final CallerLookup callers;

    ApiTokens(ApiTokenRepository tokens, CallerLookup callers) {
        this.tokens = tokens;
        this.callers = callers;
    }

    record Created(int id, String name, String role, String token) {
    }

    Created create(String name, Role role, String createdBy) {
        String secret = Secrets.newSecret(Secrets.TOKEN_PREFIX);
        ApiToken saved = tokens.save(new ApiToken(null, name, Secrets.hash(secret), role.key(), createdBy, null, null));
        return new Created(saved.id(), name, role.key(), secret);
    }

    /**
     * The token given by RAPPORT_BOOTSTRAP_TOKEN, for automation: an admin token with that exact value, created
     * once. Once revoked it stays revoked, across restarts: a new value makes a new token. Returns whether the
     * token is usable.
     */
    boolean ensureBootstrap(String secret) {
        Optional<ApiToken> existing = tokens.findByTokenHash(Secrets.hash(secret));
        if (existing.isEmpty()) {
            tokens.save(new ApiToken(null, "bootstrap", Secrets.hash(secret), Role.ADMIN.key(), "RAPPORT_BOOTSTRAP_TOKEN", null, null));
            return true;
        }
        return existing.get().revokedAt() == null;
    }

    Optional<Caller> find(String secret) {
        return callers.byToken(Secrets.hash(secret));
    }

    List<ApiToken> list() {
        return tokens.listOrderById();
    }

    boolean revoke(int id) {
        return tokens.revoke(id) > 0;
    }
}
