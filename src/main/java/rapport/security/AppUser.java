package rapport.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("app_user")
public record AppUser(@Id @GeneratedValue @Nullable Integer id, String username, String passwordHash, String role,
                      @DateCreated @Nullable Instant createdAt) {
}
