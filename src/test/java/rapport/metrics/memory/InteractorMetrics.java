package rapport.metrics.memory;

import rapport.metrics.MetricValue;
import rapport.metrics.period.Period;

import java.util.BitSet;

/** active_interactors, new_interactors, repeat_interactors, repeat_rate (METRICS.md §4). */
final class InteractorMetrics {

    private InteractorMetrics() {
    }

    static MetricValue activeInteractors(ScopeFacts f, Period p) {
        return MetricValue.count(active(f, p).cardinality());
    }

    /** Active in P with no active message before P's start. */
    static MetricValue newInteractors(ScopeFacts f, Period p) {
        return MetricValue.count(active(f, p).stream().filter(person -> f.firstActive(person) >= p.startMicros()).count());
    }

    /** Active in P and also in [start − 90 days, start). */
    static MetricValue repeatInteractors(ScopeFacts f, Period p) {
        return MetricValue.count(repeat(f, p, active(f, p)));
    }

    static MetricValue repeatRate(ScopeFacts f, Period p) {
        BitSet active = active(f, p);
        return MetricValue.ratio(repeat(f, p, active), active.cardinality());
    }

    private static long repeat(ScopeFacts f, Period p, BitSet active) {
        return active.stream().filter(person -> f.activeBetween(person, p.ninetyDaysBeforeStartMicros(), p.startMicros())).count();
    }

    static BitSet active(ScopeFacts f, Period p) {
        ScopeData d = f.data;
        BitSet active = new BitSet(d.persons);
        for (int i = d.firstAtOrAfter(p.startMicros()), end = d.firstAtOrAfter(p.endMicros()); i < end; i++) {
            if (d.isActive(i)) {
                active.set(d.person[i]);
            }
        }
        return active;
    }
}
