package rapport.accounts;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
    @Operation(summary = "Delete the demo brand",
            description = "Deletes the messages and follower snapshots of every demo account still in the data, in one action; "
                    + "metrics are recomputed. 400 unless confirm=demo, or when the demo brand is no longer in the data. Admin.")
    AccountDeletion.Deleted deleteDemo(@QueryValue(defaultValue = "") @Parameter(description = "must be 'demo', repeating what is deleted", example = "demo") String confirm) {
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
    @Operation(summary = "Delete an account's data",
            description = "Deletes the account's messages and follower snapshots; metrics are recomputed. 400 unless confirm repeats "
                    + "the account as network/handle. Answers the accounts deleted and how many messages and snapshots went. Admin.")
    AccountDeletion.Deleted delete(@Parameter(description = "the account's network", example = "x") String network,
                                   @Parameter(description = "the account's handle on that network", example = "AcmeSupport") String handle,
                                   @QueryValue(defaultValue = "") @Parameter(description = "the account again, as network/handle", example = "x/AcmeSupport") String confirm) {
        String key = network + "/" + handle;
        if (!key.equals(confirm)) {
            throw new BadRequest("confirm: must repeat the account, '" + key + "', to delete its data");
        }
        return deletion.delete(List.of(key));
    }
}
