package rapport.metrics;

import jakarta.inject.Singleton;
import rapport.accounts.AccountDirectory;
import rapport.accounts.Scope;
import rapport.metrics.period.PeriodRange;
import rapport.system.RapportSettings;

/** Checks a {@link MetricQuery} and turns it into the accounts and periods it names (a 400 naming the bad parameter otherwise). */
@Singleton
public class MetricQueryResolver {

    private final AccountDirectory accounts;
    private final RapportSettings settings;

    MetricQueryResolver(AccountDirectory accounts, RapportSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    public record Resolved(Scope scope, PeriodRange range) {
    }

    public Resolved resolve(MetricQuery query) {
        PeriodRange range = PeriodRange.parse(query.grain(), query.from(), query.to(), settings.zone());
        return new Resolved(accounts.resolve(query.accounts()), range);
    }
}
