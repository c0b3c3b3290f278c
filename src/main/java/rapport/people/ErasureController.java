package rapport.people;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import rapport.security.Role;

/** {@code POST /api/people/erasures}: the right to erasure, for admins. */
@Controller("/api/people/erasures")
@Secured(Role.ADMIN_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "people")
class ErasureController {

    private final Erasures erasures;

    ErasureController(Erasures erasures) {
        this.erasures = erasures;
    }

    @Post
    @Operation(summary = "Erase one person",
            description = "Deletes the person's messages, survey answers and per-person facts (GDPR/CCPA right to erasure); the brand's replies "
                    + "to them stay, as thread roots. Metrics of their accounts are recomputed. The erasure is logged with who, when and the "
                    + "person key only. 404 when nothing of the person is stored.")
    @ApiResponse(responseCode = "200", description = "what was erased", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            value = "{\"network\":\"x\",\"authorId\":\"115712\",\"messages\":17,\"surveys\":2,\"erasedBy\":\"admin\",\"erasedAt\":\"2026-03-25T10:00:00Z\"}")))
    Erasures.ErasureReport erase(@Body ErasureCommand command, Authentication caller) {
        return erasures.erase(command, caller.getName());
    }
}
