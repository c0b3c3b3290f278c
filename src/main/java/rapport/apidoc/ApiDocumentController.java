package rapport.apidoc;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /openapi/rapport.yml}: the OpenAPI document, public like the dashboard's static files (it holds no data). */
@Controller("/openapi")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "api")
class ApiDocumentController {

    static final String YAML = "application/yaml";

    private final ApiDocument document;

    ApiDocumentController(ApiDocument document) {
        this.document = document;
    }

    @Get(value = "/rapport.yml", produces = YAML)
    @Operation(summary = "This API's OpenAPI 3 document", description = "Generated from the code at build time; Swagger UI shows it at /swagger-ui/index.html.")
    String yaml() {
        return document.yaml();
    }
}
