package rapport.accounts;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import rapport.demo.DemoAccounts;
import rapport.security.Role;
import rapport.system.BadRequest;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Admins delete an account's data, or the demo brand's accounts in one action. The request repeats what it
 * deletes in {@code confirm}, so that a stray or replayed DELETE of the wrong thing does nothing.
 */
@Controller("/api/accounts")
@Secured(Role.ADMIN_ROLE)
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountAdminController {

    static final String DEMO = "demo";

    private final AccountDirectory directory;
    private final AccountDeletion deletion;

    AccountAdminController(AccountDirectory directory, AccountDeletion deletion) {
        this.directory = directory;
        this.deletion = deletion;
    }

    /** The demo brand's accounts that are still in the data (none once it is removed). */
    @Get("/demo")
    List<String> demo() {
        Set<String> present = directory.list().stream().map(AccountSummary::key).collect(Collectors.toSet());
        return DemoAccounts.keys().stream().filter(present::contains).toList();
    }

    @Delete("/demo")
    AccountDeletion.Deleted deleteDemo(@QueryValue(defaultValue = "") String confirm) {
        if (!DEMO.equals(confirm)) {
            throw new BadRequest("confirm: must be 'demo' to delete the demo brand");
        }
        List<String> present = demo();
        if (present.isEmpty()) {
            throw new BadRequest("account: the demo brand is not in the data");
        }
        return deletion.delete(present);
    }

    @Delete("/{network}/{handle}")
    AccountDeletion.Deleted delete(String network, String handle, @QueryValue(defaultValue = "") String confirm) {
        String key = network + "/" + handle;
        if (!key.equals(confirm)) {
            throw new BadRequest("confirm: must repeat the account, '" + key + "', to delete its data");
        }
        return deletion.delete(List.of(key));
    }
}
