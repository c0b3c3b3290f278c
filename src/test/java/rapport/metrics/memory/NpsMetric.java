package rapport.metrics.memory;

import rapport.metrics.MetricValue;
import rapport.metrics.period.Period;

/** nps (METRICS.md §4): over survey responses dated in P by persons active in the scope's accounts (ever). */
final class NpsMetric {

    private NpsMetric() {
    }

    /** 100 × (share scoring 9–10 − share scoring 0–6). */
    static MetricValue nps(ScopeFacts f, Period p) {
        long promoters = 0;
        long detractors = 0;
        long n = 0;
        for (ScopeFacts.SurveyAnswer answer : f.surveys) {
            if (answer.day().isBefore(p.start()) || !answer.day().isBefore(p.end())) {
                continue;
            }
            n++;
            if (answer.score() >= 9) {
                promoters++;
            } else if (answer.score() <= 6) {
                detractors++;
            }
        }
        if (n == 0) {
            return new MetricValue(null, 0L);
        }
        return new MetricValue(100 * ((double) promoters / n - (double) detractors / n), n);
    }
}
