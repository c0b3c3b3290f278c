package rapport.reliability;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** Routes that fail as a real bug would, only in the tests that switch them on: what does a 500 tell the caller? */
@Controller("/test/fail")
@Requires(property = "rapport.test.failing-routes", value = "true")
@Secured(SecurityRule.IS_ANONYMOUS)
class FailingController {

    @Get("/heap")
    String heap() {
        throw new OutOfMemoryError("Java heap space");
    }

    @Get("/state")
    String state() {
        throw new IllegalStateException("select password_hash from app_user where username = 'admin'");
    }
}
