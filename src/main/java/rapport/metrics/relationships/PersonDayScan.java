package rapport.metrics.relationships;

import rapport.metrics.facts.PersonActivity;
import rapport.metrics.period.Grain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every person-level figure of a range of consecutive periods from one pass over the scope's person days,
 * person by person: active, new and repeat people per period (METRICS.md §4), each person's tier at every
 * period's end and the moves between them (§5), cohort cells (§6). Per person the work is a few steps per
 * active day and period end; memory holds the per-period tallies and one person's days. (The same figures as
 * SQL aggregates joined every active day to every end whose 90-day window holds it: 37 s at 1M messages.)
 */
final class PersonDayScan implements PersonActivity.PersonDays {

    /** What one pass yields, keyed by period start (activity, cohorts) or period end (tiers, moves). */
    record Figures(Map<LocalDate, PersonActivity.PeriodActivity> activity, Map<LocalDate, PersonActivity.TierCounts> tiers,
                   List<PersonActivity.TierMove> moves, List<PersonActivity.CohortCell> cohorts) {
    }

    private static final Tier[] TIERS = Tier.values();

    private final Grain grain;
    /** Period starts, then the last period's end: the tier of each person is taken at every one of them. */
    private final int[] bounds;
    private final int periods;
    private final Map<Integer, Integer> periodByStart = new HashMap<>();
    private final long[] active;
    private final long[] newcomers;
    private final long[] repeat;
    /** [end index][tier]: persons in a tier at bounds[end index]. */
    private final long[][] tierCounts;
    /** [period][from tier][to tier]: persons moving from the tier at the period's start to the one at its end. */
    private final long[][][] moves;
    /** [cohort period][offset 0..OFFSETS]: persons of the cohort active in the period that far after it. */
    private final long[][] cohortCells;
    private final Tier[] tierAt;

    private PersonDayScan(Grain grain, List<LocalDate> starts) {
        this.grain = grain;
        this.periods = starts.size();
        this.bounds = new int[periods + 1];
        for (int i = 0; i < periods; i++) {
            bounds[i] = (int) starts.get(i).toEpochDay();
            periodByStart.put(bounds[i], i);
        }
        bounds[periods] = periods == 0 ? 0 : (int) grain.next(starts.get(periods - 1)).toEpochDay();
        this.active = new long[periods];
        this.newcomers = new long[periods];
        this.repeat = new long[periods];
        this.tierCounts = new long[periods + 1][TIERS.length];
        this.moves = new long[periods][TIERS.length][TIERS.length];
        this.cohortCells = new long[periods][CohortRetention.OFFSETS + 1];
        this.tierAt = new Tier[periods + 1];
    }

    /** The figures of the consecutive periods starting on {@code starts}, for the scope's accounts. */
    static Figures scan(PersonActivity activity, List<Integer> accountIds, Grain grain, List<LocalDate> starts) {
        PersonDayScan scan = new PersonDayScan(grain, starts);
        if (!starts.isEmpty()) {
            activity.eachPerson(accountIds, scan);
        }
        return scan.figures(starts);
    }

    @Override
    public void accept(long personId, int count, int[] days, int[] shares) {
        periodActivity(count, days);
        tiers(count, days, shares);
        for (int i = 0; i < periods; i++) {
            if (tierAt[i] != Tier.NONE || tierAt[i + 1] != Tier.NONE) {
                moves[i][tierAt[i].ordinal()][tierAt[i + 1].ordinal()]++;
            }
        }
    }

    /**
     * A person's first day in a period makes them active in it: new without any day before, repeat when their
     * previous day lies in the 90 days before the period's start. The same first days give their cohort cells.
     */
    private void periodActivity(int count, int[] days) {
        int cohort = -1;
        int previous = Integer.MIN_VALUE;
        int previousPeriodStart = Integer.MIN_VALUE;
        for (int k = 0; k < count; k++) {
            int periodStart = (int) grain.startOf(LocalDate.ofEpochDay(days[k])).toEpochDay();
            if (periodStart != previousPeriodStart) {
                Integer period = periodByStart.get(periodStart);
                if (k == 0) {
                    cohort = period == null ? -1 : period;
                }
                if (period != null) {
                    active[period]++;
                    if (k == 0) {
                        newcomers[period]++;
                    } else if (previous >= periodStart - 90) {
                        repeat[period]++;
                    }
                    if (cohort >= 0 && period - cohort <= CohortRetention.OFFSETS) {
                        cohortCells[cohort][period - cohort]++;
                    }
                }
                previousPeriodStart = periodStart;
            }
            previous = days[k];
        }
    }

    /** The person's tier at every bound, over W = [bound − 90 days, bound). */
    private void tiers(int count, int[] days, int[] shares) {
        int lo = 0;
        int hi = 0;
        for (int j = 0; j <= periods; j++) {
            int end = bounds[j];
            while (lo < count && days[lo] < end - 90) {
                lo++;
            }
            while (hi < count && days[hi] < end) {
                hi++;
            }
            Tier tier;
            if (lo == hi) {
                // days before W exist exactly when the first day in or after W is not the first day
                tier = lo > 0 ? Tier.LAPSED : Tier.NONE;
            } else {
                int weeks = 0;
                long lastWeek = Long.MIN_VALUE;
                boolean shared = false;
                for (int k = lo; k < hi; k++) {
                    // 1970-01-05, epoch day 4, was a Monday: days in one ISO week share this number
                    long week = Math.floorDiv(days[k] - 4, 7);
                    if (week != lastWeek) {
                        weeks++;
                        lastWeek = week;
                    }
                    shared |= shares[k] > 0;
                }
                tier = weeks >= 3 && shared ? Tier.ADVOCATE : weeks >= 2 ? Tier.REGULAR : Tier.PARTICIPANT;
            }
            tierAt[j] = tier;
            tierCounts[j][tier.ordinal()]++;
        }
    }

    private Figures figures(List<LocalDate> starts) {
        Map<LocalDate, PersonActivity.PeriodActivity> activity = new HashMap<>();
        Map<LocalDate, PersonActivity.TierCounts> tiers = new HashMap<>();
        List<PersonActivity.TierMove> moveList = new ArrayList<>();
        List<PersonActivity.CohortCell> cohorts = new ArrayList<>();
        for (int i = 0; i < periods; i++) {
            LocalDate start = starts.get(i);
            LocalDate end = LocalDate.ofEpochDay(bounds[i + 1]);
            activity.put(start, new PersonActivity.PeriodActivity(active[i], newcomers[i], repeat[i]));
            long[] t = tierCounts[i + 1];
            tiers.put(end, new PersonActivity.TierCounts(t[Tier.ADVOCATE.ordinal()], t[Tier.REGULAR.ordinal()],
                    t[Tier.PARTICIPANT.ordinal()], t[Tier.LAPSED.ordinal()]));
            for (Tier from : TIERS) {
                for (Tier to : TIERS) {
                    long n = moves[i][from.ordinal()][to.ordinal()];
                    if (n > 0) {
                        moveList.add(new PersonActivity.TierMove(end, from.key(), to.key(), n));
                    }
                }
            }
            for (int k = 0; k <= CohortRetention.OFFSETS && i + k < periods; k++) {
                if (cohortCells[i][k] > 0) {
                    cohorts.add(new PersonActivity.CohortCell(start, starts.get(i + k), cohortCells[i][k]));
                }
            }
        }
        return new Figures(activity, tiers, moveList, cohorts);
    }
}
