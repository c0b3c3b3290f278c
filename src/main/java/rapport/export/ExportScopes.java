package rapport.export;

import jakarta.inject.Singleton;
import rapport.accounts.AccountDirectory;
import rapport.accounts.Scope;
import rapport.metrics.MetricQuery;
import rapport.metrics.MetricQueryResolver;
import rapport.metrics.period.PeriodRange;
import rapport.system.BadRequest;

import java.util.List;

/**
 * The scopes an export covers: the accounts of the query together ({@code by} absent or {@code scope}), or
 * each of them alone, one after the other in one file ({@code by=account}).
 */
@Singleton
class ExportScopes {

    record Scoped(List<Scope> scopes, PeriodRange range) {
    }

    private final MetricQueryResolver queries;
    private final AccountDirectory accounts;

    ExportScopes(MetricQueryResolver queries, AccountDirectory accounts) {
        this.queries = queries;
        this.accounts = accounts;
    }

    Scoped resolve(MetricQuery query, String by) {
        MetricQueryResolver.Resolved resolved = queries.resolve(query);
        if (by == null || by.isBlank() || by.equals("scope")) {
            return new Scoped(List.of(resolved.scope()), resolved.range());
        }
        if (!by.equals("account")) {
            throw new BadRequest("by: must be 'scope' (the accounts together) or 'account' (one scope per account), not '" + by + "'");
        }
        List<Scope> each = accounts.list().stream()
                .filter(a -> resolved.scope().accountIds().contains(a.id()))
                .map(a -> new Scope(a.key(), List.of(a.id()))).toList();
        return new Scoped(each, resolved.range());
    }
}
