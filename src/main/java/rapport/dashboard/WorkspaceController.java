package rapport.dashboard;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import rapport.security.Role;
import rapport.system.RapportSettings;

/**
 * {@code GET /api/workspace}: what the browser needs to read periods and figures as the server does — the
 * workspace time zone (weeks start on Monday 00:00 there), the SLA and the small-sample threshold.
 */
@Controller("/api/workspace")
@Secured(Role.VIEWER_ROLE)
class WorkspaceController {

    private final RapportSettings settings;
    private final DashboardSettings dashboard;

    WorkspaceController(RapportSettings settings, DashboardSettings dashboard) {
        this.settings = settings;
        this.dashboard = dashboard;
    }

    record Workspace(String timeZone, int slaHours, int smallSample) {
    }

    @Get
    @Operation(summary = "Workspace settings",
            description = "The workspace time zone (weeks start on Monday 00:00 there, months on the 1st), the response SLA in hours "
                    + "and the sample size below which the dashboard marks a figure as a small sample.")
    @ApiResponse(responseCode = "200", description = "the settings", content = @Content(mediaType = "application/json", examples = @ExampleObject(
            value = "{\"timeZone\":\"Europe/Berlin\",\"slaHours\":24,\"smallSample\":20}")))
    Workspace workspace() {
        return new Workspace(settings.zone().getId(), settings.slaHours(), dashboard.smallSample());
    }
}
