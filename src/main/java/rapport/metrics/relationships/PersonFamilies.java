package rapport.metrics.relationships;

import jakarta.inject.Singleton;
import rapport.metrics.Metric;
import rapport.metrics.MetricFamily;
import rapport.metrics.MetricPoint;
import rapport.metrics.MetricValue;
import rapport.metrics.facts.PersonActivity;
import rapport.metrics.period.Grain;
import rapport.metrics.period.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The person-level metrics (active, new and repeat people, repeat rate, advocates, NPS) and tier counts from
 * the person days kept at import time (one pass over them, {@link PersonDayScan}; NPS aggregated in
 * PostgreSQL): memory grows with the periods asked for, not with the messages.
 */
@Singleton
public class PersonFamilies implements MetricFamily {

    static final List<Metric> METRICS = List.of(Metric.ACTIVE_INTERACTORS, Metric.NEW_INTERACTORS,
            Metric.REPEAT_INTERACTORS, Metric.REPEAT_RATE, Metric.ADVOCATES, Metric.NPS);

    private final PersonActivity activity;
    private final PersonFiguresCache figures;

    PersonFamilies(PersonActivity activity, PersonFiguresCache figures) {
        this.activity = activity;
        this.figures = figures;
    }

    @Override
    public List<Metric> metrics() {
        return METRICS;
    }

    /**
     * NPS counts answers of persons active at any time, so a message can move an earlier period's NPS: computed for
     * every period asked, each time (one small statement). The person days' figures keep their periods on their
     * own ({@link PersonFiguresCache}).
     */
    @Override
    public boolean keptAcrossChanges() {
        return false;
    }

    @Override
    public Map<Metric, List<MetricPoint>> compute(List<Integer> accountIds, Grain grain, List<Period> periods) {
        PersonDayScan.Figures scanned = figures.of(accountIds, grain, periods);
        Map<LocalDate, PersonActivity.PeriodActivity> perPeriod = scanned.activity();
        Map<LocalDate, PersonActivity.TierCounts> tiers = scanned.tiers();
        Map<LocalDate, PersonActivity.NpsTally> nps = periods.isEmpty() ? Map.of()
                : activity.npsPerPeriod(accountIds, grain.key(), periods.get(0).start(), periods.get(periods.size() - 1).end());
        Map<Metric, List<MetricPoint>> series = new EnumMap<>(Metric.class);
        METRICS.forEach(m -> series.put(m, new ArrayList<>(periods.size())));
        for (Period p : periods) {
            PersonActivity.PeriodActivity a = perPeriod.get(p.start());
            put(series, Metric.ACTIVE_INTERACTORS, p, MetricValue.count(a.active()));
            put(series, Metric.NEW_INTERACTORS, p, MetricValue.count(a.newcomers()));
            put(series, Metric.REPEAT_INTERACTORS, p, MetricValue.count(a.repeat()));
            put(series, Metric.REPEAT_RATE, p, MetricValue.ratio(a.repeat(), a.active()));
            put(series, Metric.ADVOCATES, p, MetricValue.count(tiers.get(p.end()).advocates()));
            put(series, Metric.NPS, p, nps(nps.getOrDefault(p.start(), PersonActivity.NpsTally.NONE)));
        }
        return series;
    }

    /** 100 × (share of 9–10 − share of 0–6); null with n = 0 when nobody answered. */
    static MetricValue nps(PersonActivity.NpsTally t) {
        if (t.n() == 0) {
            return new MetricValue(null, 0L);
        }
        return new MetricValue(100 * ((double) t.promoters() / t.n() - (double) t.detractors() / t.n()), t.n());
    }

    /** Tier counts at each period's end, as the tier chart shows them. */
    static List<TierFlows.PeriodTiers> tierCounts(PersonDayScan.Figures scanned, List<Period> periods) {
        Map<LocalDate, PersonActivity.TierCounts> tiers = scanned.tiers();
        List<TierFlows.PeriodTiers> rows = new ArrayList<>(periods.size());
        for (Period p : periods) {
            PersonActivity.TierCounts t = tiers.get(p.end());
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("advocate", t.advocates());
            counts.put("regular", t.regulars());
            counts.put("participant", t.participants());
            counts.put("lapsed", t.lapsed());
            rows.add(new TierFlows.PeriodTiers(p.start(), p.end(), counts));
        }
        return rows;
    }

    private static void put(Map<Metric, List<MetricPoint>> series, Metric metric, Period p, MetricValue v) {
        series.get(metric).add(new MetricPoint(p.start(), p.end(), v.value(), v.n()));
    }
}
