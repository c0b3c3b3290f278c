package rapport.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** An API token as stored: only the hash of its secret. */
@MappedEntity("api_token")
public record ApiToken(@Id @GeneratedValue @Nullable Integer id, String name, String tokenHash, String role,
                       @Nullable String createdBy, @DateCreated @Nullable Instant createdAt,
                       @Nullable Instant revokedAt) {
}
