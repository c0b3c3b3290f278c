package rapport.summary;

import jakarta.inject.Singleton;
import rapport.accounts.AccountDirectory;
import rapport.accounts.AccountSummary;
import rapport.accounts.Scope;
import rapport.metrics.Metric;
import rapport.metrics.MetricCalculator;
import rapport.metrics.MetricPoint;
import rapport.metrics.MetricReport;
import rapport.metrics.MetricSeries;
import rapport.metrics.period.Grain;
import rapport.metrics.period.PeriodRange;
import rapport.metrics.relationships.NpsByTier;
import rapport.metrics.relationships.RelationshipViews;
import rapport.metrics.relationships.TierFlows;
import rapport.summary.format.DashboardNumbers;
import rapport.summary.highlights.Change;
import rapport.summary.highlights.Highlights;
import rapport.system.BadRequest;
import rapport.system.RapportSettings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a month's summary together from the public seams only: {@link MetricCalculator} at grain month (so
 * every figure equals the metrics API's), {@link RelationshipViews} for tiers and NPS by tier, and the
 * account directory for the scope's accounts and how far their data reaches.
 */
@Singleton
public class SummaryBuilder {

    /** The headline figures, in reading order; NPS only when surveys exist. */
    static final List<Metric> HEADLINES = List.of(Metric.CONVERSATIONS_PER_1K_FOLLOWERS, Metric.REPEAT_RATE,
            Metric.ADVOCATES, Metric.RESPONSE_RATE, Metric.MEDIAN_RESPONSE_MINUTES, Metric.PERSONALIZATION_SCORE,
            Metric.PROMOTIONAL_SHARE, Metric.NPS);
    static final List<Metric> TRENDS = List.of(Metric.CONVERSATIONS_PER_1K_FOLLOWERS, Metric.REPEAT_RATE,
            Metric.ADVOCATES, Metric.RESPONSE_RATE, Metric.MEDIAN_RESPONSE_MINUTES, Metric.PERSONALIZATION_SCORE);
    private static final List<Metric> CONTEXT = List.of(Metric.CONVERSATIONS, Metric.FOLLOWERS, Metric.RESPONSE_WITHIN_SLA_RATE);
    private static final int MONTHS = 13;
    private static final int TOP_ADVOCATES = 5;

    private final MetricCalculator calculator;
    private final RelationshipViews views;
    private final AccountDirectory directory;
    private final AdvocateQueries advocates;
    private final AccountChanges accountChanges;
    private final RapportSettings settings;

    SummaryBuilder(MetricCalculator calculator, RelationshipViews views, AccountDirectory directory,
                   AdvocateQueries advocates, AccountChanges accountChanges, RapportSettings settings) {
        this.calculator = calculator;
        this.views = views;
        this.directory = directory;
        this.advocates = advocates;
        this.accountChanges = accountChanges;
        this.settings = settings;
    }

    /** {@code accounts} as the metrics API takes it (network/handle, comma-separated; none means all). */
    public MonthlySummary build(String accounts, YearMonth month) {
        return build(directory.resolve(accounts), month);
    }

    public MonthlySummary build(Scope scope, YearMonth month) {
        ZoneId zone = settings.zone();
        if (month.atDay(1).isAfter(LocalDate.now(zone))) {
            throw new BadRequest("month: " + month + " has not started yet");
        }
        Coverage coverage = Coverage.of(scopeAccounts(scope), month, zone, Instant.now());
        PeriodRange range = new PeriodRange(Grain.MONTH, month.minusMonths(MONTHS - 1L).atDay(1), month.atDay(1));
        List<Metric> wanted = new ArrayList<>(HEADLINES);
        wanted.addAll(CONTEXT);
        MetricReport report = calculator.report(scope, range, wanted);

        boolean surveys = hasValue(series(report, Metric.NPS));
        boolean followers = hasValue(series(report, Metric.CONVERSATIONS_PER_1K_FOLLOWERS));
        List<MonthlySummary.Figure> headlines = new ArrayList<>();
        for (Metric metric : HEADLINES) {
            if (metric == Metric.NPS && !surveys) {
                continue;
            }
            headlines.add(figure(series(report, shown(metric, followers)), month, coverage));
        }
        List<MonthlySummary.Trend> trends = TRENDS.stream().map(m -> trend(series(report, shown(m, followers)), month)).toList();

        MonthlySummary.AccountTable table = accountChanges.table(scopeAccounts(scope), month, coverage);
        List<String> highlights = highlights(report, headlines, table, month, coverage, scope.accountIds().size() > 1);

        PeriodRange twoMonths = new PeriodRange(Grain.MONTH, month.minusMonths(1).atDay(1), month.atDay(1));
        List<TierFlows.PeriodTiers> tierPeriods = views.tiers(scope, twoMonths).periods();
        MonthlySummary.Tiers tiers = new MonthlySummary.Tiers(tierPeriods.get(1).counts(), tierPeriods.get(0).counts());
        List<MonthlySummary.TierNps> nps = !surveys ? List.of() : views.npsByTier(scope, new PeriodRange(Grain.MONTH, month.atDay(1), month.atDay(1)))
                .tiers().stream().filter(t -> t.n() > 0).map(SummaryBuilder::tierNps).toList();

        List<MonthlySummary.Definition> definitions = new ArrayList<>(headlines.stream()
                .map(f -> new MonthlySummary.Definition(f.label(), Metric.fromKey(f.metric()).definition())).toList());
        definitions.add(new MonthlySummary.Definition(Metric.RESPONSE_WITHIN_SLA_RATE.label(),
                Metric.RESPONSE_WITHIN_SLA_RATE.definition() + " The SLA is " + settings.slaHours() + " h."));
        return new MonthlySummary(month.toString(), DashboardNumbers.monthLong(month), scope.label(), settings.timeZone(),
                month.atDay(1), month.plusMonths(1).atDay(1), coverage.partial(), coverage.dataUntil(), coverage.text(),
                highlights, headlines, trends, tiers, nps, table,
                advocates.top(scope, month, zone, TOP_ADVOCATES),
                figure(series(report, Metric.RESPONSE_WITHIN_SLA_RATE), month, coverage), settings.slaHours(), definitions);
    }

    /** Conversations per 1,000 followers needs follower snapshots; without any, conversations themselves. */
    private static Metric shown(Metric metric, boolean followers) {
        return metric == Metric.CONVERSATIONS_PER_1K_FOLLOWERS && !followers ? Metric.CONVERSATIONS : metric;
    }

    private List<AccountSummary> scopeAccounts(Scope scope) {
        return directory.list().stream().filter(a -> scope.accountIds().contains(a.id())).toList();
    }

    private static MonthlySummary.TierNps tierNps(NpsByTier.TierNps t) {
        return new MonthlySummary.TierNps(t.tier(), t.nps(), t.n());
    }

    static MetricSeries series(MetricReport report, Metric metric) {
        return report.series().stream().filter(s -> s.metric().equals(metric.key())).findFirst().orElseThrow();
    }

    private static boolean hasValue(MetricSeries series) {
        return series.points().stream().anyMatch(p -> p.value() != null);
    }

    /** The point of a 13-month series for {@code month}, or null when the series does not reach it. */
    static MetricPoint at(MetricSeries series, YearMonth month) {
        return series.points().stream().filter(p -> p.periodStart().equals(month.atDay(1))).findFirst().orElse(null);
    }

    private static MonthlySummary.Figure figure(MetricSeries s, YearMonth month, Coverage coverage) {
        MetricPoint now = at(s, month);
        return new MonthlySummary.Figure(s.metric(), s.label(), s.unit(), s.higherIsBetter(), now.value(), now.n(),
                comparison(s, now, month.minusMonths(1), coverage), comparison(s, now, month.minusYears(1), coverage));
    }

    private static MonthlySummary.Comparison comparison(MetricSeries s, MetricPoint now, YearMonth other, Coverage coverage) {
        MetricPoint then = at(s, other);
        Double value = then == null ? null : then.value();
        Long n = then == null ? null : then.n();
        if (!coverage.comparable(other) || now.value() == null || value == null) {
            return new MonthlySummary.Comparison(other.toString(), value, n, null, null, null);
        }
        double change = now.value() - value;
        return new MonthlySummary.Comparison(other.toString(), value, n, change,
                value == 0 ? null : change / Math.abs(value), verdict(change, s.higherIsBetter()));
    }

    static String verdict(double change, boolean higherIsBetter) {
        return change == 0 ? "same" : (change > 0) == higherIsBetter ? "better" : "worse";
    }

    private static MonthlySummary.Trend trend(MetricSeries s, YearMonth month) {
        return new MonthlySummary.Trend(s.metric(), s.label(), s.unit(), s.higherIsBetter(), s.points().stream()
                .map(p -> new MonthlySummary.TrendPoint(YearMonth.from(p.periodStart()).toString(), p.value(), p.n())).toList());
    }

    private List<String> highlights(MetricReport report, List<MonthlySummary.Figure> headlines,
                                    MonthlySummary.AccountTable table, YearMonth month, Coverage coverage, boolean perAccount) {
        String previous = DashboardNumbers.monthLong(month.minusMonths(1));
        if (coverage.partial()) {
            return List.of(DashboardNumbers.monthLong(month) + " is not complete (" + coverage.text()
                    + "), so no figure is compared with earlier months yet.");
        }
        if (!coverage.comparable(month.minusMonths(1))) {
            return List.of("The data does not cover all of " + previous + ", so there is no complete month to compare with.");
        }
        MetricSeries conversations = series(report, Metric.CONVERSATIONS);
        List<Change> changes = new ArrayList<>();
        for (MonthlySummary.Figure f : headlines) {
            changes.add(change(series(report, Metric.fromKey(f.metric())), f.label(), month, conversations));
        }
        if (perAccount) {
            changes.addAll(AccountChanges.changes(table));
        }
        return Highlights.write(changes, change(series(report, Metric.FOLLOWERS), "Followers", month, conversations), previous);
    }

    private static Change change(MetricSeries s, String subject, YearMonth month, MetricSeries conversations) {
        MetricPoint before = at(s, month.minusMonths(1));
        MetricPoint after = at(s, month);
        return new Change(s.metric(), subject, s.unit(), s.higherIsBetter(), before.value(), after.value(),
                sample(s, before, at(conversations, month.minusMonths(1))), sample(s, after, at(conversations, month)));
    }

    /** The cases behind a value: its n; for a count the count; per 1,000 followers the conversations. */
    static Long sample(MetricSeries s, MetricPoint p, MetricPoint conversations) {
        if (s.metric().equals(Metric.CONVERSATIONS_PER_1K_FOLLOWERS.key())) {
            return conversations.value() == null ? null : Math.round(conversations.value());
        }
        if (p.n() != null) {
            return p.n();
        }
        return s.unit().equals("count") && p.value() != null ? Math.round(Math.abs(p.value())) : null;
    }
}
