package rapport.people;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import rapport.system.BadRequest;

/** Which person to erase: their key, (network, author_id). */
@Introspected
public record ErasureCommand(@Nullable @Schema(example = "x") String network,
                             @Nullable @JsonProperty("author_id") @Schema(name = "author_id", example = "115712") String authorId) {

    void check() {
        if (network == null || network.isBlank()) {
            throw new BadRequest("network: required");
        }
        if (authorId == null || authorId.isBlank()) {
            throw new BadRequest("author_id: required");
        }
    }
}
