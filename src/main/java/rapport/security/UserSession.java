package rapport.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A browser session: the hash of the cookie's secret, whose it is, and its CSRF token. */
@MappedEntity("user_session")
public record UserSession(@Id String idHash, int userId, String csrfToken, @DateCreated @Nullable Instant createdAt,
                          Instant expiresAt) {
}
