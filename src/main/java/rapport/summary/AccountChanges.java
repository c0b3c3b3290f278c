package rapport.summary;

import jakarta.inject.Singleton;
import rapport.accounts.AccountSummary;
import rapport.accounts.Scope;
import rapport.metrics.Metric;
import rapport.metrics.MetricCalculator;
import rapport.metrics.MetricPoint;
import rapport.metrics.MetricReport;
import rapport.metrics.MetricSeries;
import rapport.metrics.period.Grain;
import rapport.metrics.period.PeriodRange;
import rapport.summary.highlights.Change;
import rapport.summary.highlights.Highlights;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The per-account table: each account's figures this month and the month before (each account alone, as the
 * metrics API computes it for {@code accounts=network/handle}), ordered from most improved to most declined.
 */
@Singleton
class AccountChanges {

    static final List<Metric> COLUMNS = List.of(Metric.CONVERSATIONS, Metric.RESPONSE_RATE, Metric.MEDIAN_RESPONSE_MINUTES,
            Metric.RESPONSE_WITHIN_SLA_RATE, Metric.REPEAT_RATE, Metric.PERSONALIZATION_SCORE);
    /** Per-account changes that may become a highlight sentence. */
    private static final List<Metric> SENTENCES = List.of(Metric.RESPONSE_RATE, Metric.MEDIAN_RESPONSE_MINUTES, Metric.REPEAT_RATE);
    private static final int ENDS = 3;

    private final MetricCalculator calculator;

    AccountChanges(MetricCalculator calculator) {
        this.calculator = calculator;
    }

    MonthlySummary.AccountTable table(List<AccountSummary> accounts, YearMonth month, Coverage coverage) {
        PeriodRange range = new PeriodRange(Grain.MONTH, month.minusMonths(1).atDay(1), month.atDay(1));
        boolean compare = coverage.comparable(month.minusMonths(1));
        List<MonthlySummary.AccountRow> rows = new ArrayList<>();
        for (AccountSummary account : accounts) {
            MetricReport report = calculator.report(new Scope(account.key(), List.of(account.id())), range, COLUMNS);
            rows.add(row(account.key(), report, month, compare));
        }
        rows.sort(Comparator.comparingDouble(MonthlySummary.AccountRow::score).reversed()
                .thenComparing(MonthlySummary.AccountRow::account));
        List<String> improved = rows.stream().filter(r -> r.score() > 0).limit(ENDS).map(MonthlySummary.AccountRow::account).toList();
        List<String> declined = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0 && declined.size() < ENDS && rows.get(i).score() < 0; i--) {
            declined.add(rows.get(i).account());
        }
        return new MonthlySummary.AccountTable(COLUMNS.stream().map(Metric::key).toList(), rows, improved, declined);
    }

    /**
     * score: the sum, over the columns whose change is meaningful (the highlight rules), of the relative
     * change turned so that better is positive, each capped at ±1: a large change cannot hide all others.
     */
    private static MonthlySummary.AccountRow row(String account, MetricReport report, YearMonth month, boolean compare) {
        List<MonthlySummary.AccountCell> cells = new ArrayList<>();
        double score = 0;
        MetricSeries conversations = SummaryBuilder.series(report, Metric.CONVERSATIONS);
        for (MetricSeries s : report.series()) {
            MetricPoint before = SummaryBuilder.at(s, month.minusMonths(1));
            MetricPoint after = SummaryBuilder.at(s, month);
            String verdict = null;
            Long sampleBefore = SummaryBuilder.sample(s, before, SummaryBuilder.at(conversations, month.minusMonths(1)));
            Long sampleAfter = SummaryBuilder.sample(s, after, SummaryBuilder.at(conversations, month));
            if (compare && before.value() != null && after.value() != null) {
                verdict = SummaryBuilder.verdict(after.value() - before.value(), s.higherIsBetter());
                Change change = new Change(s.metric(), account, s.unit(), s.higherIsBetter(), before.value(), after.value(),
                        sampleBefore, sampleAfter);
                if (Highlights.meaningful(change) && before.value() != 0) {
                    double relative = (after.value() - before.value()) / Math.abs(before.value());
                    score += Math.max(-1, Math.min(1, s.higherIsBetter() ? relative : -relative));
                }
            }
            cells.add(new MonthlySummary.AccountCell(s.metric(), s.unit(), s.higherIsBetter(), after.value(),
                    before.value(), sampleAfter, sampleBefore, verdict));
        }
        return new MonthlySummary.AccountRow(account, cells, score);
    }

    /** The table's changes worth a sentence, named "Median response time on x/AcmeCare". */
    static List<Change> changes(MonthlySummary.AccountTable table) {
        List<Change> changes = new ArrayList<>();
        for (MonthlySummary.AccountRow row : table.rows()) {
            for (MonthlySummary.AccountCell cell : row.cells()) {
                Metric metric = Metric.fromKey(cell.metric());
                if (SENTENCES.contains(metric) && cell.verdict() != null) {
                    changes.add(new Change(cell.metric(), metric.label() + " on " + row.account(), cell.unit(),
                            cell.higherIsBetter(), cell.previous(), cell.value(), cell.previousSample(), cell.sample()));
                }
            }
        }
        return changes;
    }
}
