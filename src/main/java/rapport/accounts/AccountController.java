package rapport.accounts;

import io.micronaut.security.annotation.Secured;
import rapport.security.Role;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.List;

@Controller("/api/accounts")
@Secured(Role.VIEWER_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountController {

    private final AccountDirectory directory;

    AccountController(AccountDirectory directory) {
        this.directory = directory;
    }

    @Get
    List<AccountSummary> list() {
        return directory.list();
    }
}
