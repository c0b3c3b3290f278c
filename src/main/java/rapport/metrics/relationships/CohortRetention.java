package rapport.metrics.relationships;

import java.time.LocalDate;
import java.util.List;

/**
 * Cohort retention (METRICS.md §6): a person's cohort is the period of their first active message; the
 * retention of cohort C at offset k is the share of C's persons active in period C + k, k = 1 … 12.
 */
public final class CohortRetention {

    public static final int OFFSETS = 12;

    public record Cohort(LocalDate cohortStart, long size, List<Double> retention) {
    }

    public record Report(String grain, String scope, List<Cohort> cohorts) {
    }

    private CohortRetention() {
    }
}
