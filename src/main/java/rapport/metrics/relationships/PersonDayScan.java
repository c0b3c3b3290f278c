package rapport.metrics.relationships;

import rapport.metrics.facts.PersonActivity;
import rapport.metrics.period.Grain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every person-level figure of a run of consecutive periods from one pass over the scope's person days, person by
 * person: active, new and repeat people per period (METRICS.md §4), each person's tier at every period's end and
 * the moves between them (§5), cohort cells (§6). Memory holds the per-period tallies and one person's days. (The
 * same figures as SQL aggregates joined every active day to every end whose 90-day window holds it: 37 s at 1M
 * messages.)
 * <p>
 * Per person the work follows their days, not the periods: before their first day they have no tier, and from 90
 * days after their last one they are lapsed at every bound, which is tallied once (a start in a running sum), so
 * only the bounds in between are looked at. Each period's figures depend on the days before its end alone: a run
 * computed after periods kept from an earlier pass gives what the whole range would.
 */
final class PersonDayScan implements PersonActivity.PersonDays {

    /** A range's figures, keyed by period start (activity, cohorts) or period end (tiers, moves). */
    record Figures(Map<LocalDate, PersonActivity.PeriodActivity> activity, Map<LocalDate, PersonActivity.TierCounts> tiers,
                   List<PersonActivity.TierMove> moves, List<PersonActivity.CohortCell> cohorts) {

        /** The figures of consecutive periods. */
        static Figures of(List<PeriodFigures> periods) {
            Map<LocalDate, PersonActivity.PeriodActivity> activity = new HashMap<>();
            Map<LocalDate, PersonActivity.TierCounts> tiers = new HashMap<>();
            List<PersonActivity.TierMove> moves = new ArrayList<>();
            List<PersonActivity.CohortCell> cohorts = new ArrayList<>();
            for (PeriodFigures p : periods) {
                activity.put(p.start(), p.activity());
                tiers.put(p.end(), p.tiers());
                moves.addAll(p.moves());
                cohorts.addAll(p.cohorts());
            }
            return new Figures(Map.copyOf(activity), Map.copyOf(tiers), List.copyOf(moves), List.copyOf(cohorts));
        }
    }

    /**
     * One period's figures ([start, end)): its active, new and repeat people; the persons per tier at its end and
     * their moves from the tier at its start; its cohort cells, persons active in it by cohort (its own cohort and
     * the {@link CohortRetention#OFFSETS} before it).
     */
    record PeriodFigures(LocalDate start, LocalDate end, PersonActivity.PeriodActivity activity,
                         PersonActivity.TierCounts tiers, List<PersonActivity.TierMove> moves,
                         List<PersonActivity.CohortCell> cohorts) {
    }

    private static final Tier[] TIERS = Tier.values();
    private static final int NONE = Tier.NONE.ordinal();
    private static final int LAPSED = Tier.LAPSED.ordinal();

    private final List<LocalDate> starts;
    private final int periods;
    /** Period starts, then the last period's end (epoch days): each person's tier is taken at every one of them. */
    private final int[] bounds;
    /** The starts of the {@link CohortRetention#OFFSETS} periods before the run, then the run's: cohorts seen in it. */
    private final List<LocalDate> cohortStarts = new ArrayList<>();
    private final int[] cohortBounds;
    private final long[] active;
    private final long[] newcomers;
    private final long[] repeat;
    /** [bound][tier]: persons in a tier at the bound, lapsed ones from 90 days after their last day aside. */
    private final long[][] tierCounts;
    /** [bound]: persons lapsed from this bound on, their days all more than 90 days before it. */
    private final long[] lapsedFrom;
    /** [period][from tier][to tier]: persons moving from the tier at the period's start to the one at its end. */
    private final long[][][] moves;
    /** [period][offset 0..OFFSETS]: persons active in the period whose cohort is that many periods before it. */
    private final long[][] cohortCells;
    /** One person's tier (ordinal) at each bound. */
    private final int[] tierAt;

    private PersonDayScan(Grain grain, List<LocalDate> starts) {
        this.starts = List.copyOf(starts);
        this.periods = starts.size();
        this.bounds = new int[periods + 1];
        for (int i = 0; i < periods; i++) {
            bounds[i] = (int) starts.get(i).toEpochDay();
        }
        bounds[periods] = (int) grain.next(starts.get(periods - 1)).toEpochDay();
        LocalDate cohort = starts.get(0);
        for (int k = 0; k < CohortRetention.OFFSETS; k++) {
            cohort = grain.previous(cohort);
            cohortStarts.add(0, cohort);
        }
        cohortStarts.addAll(starts);
        this.cohortBounds = new int[cohortStarts.size() + 1];
        for (int i = 0; i < cohortStarts.size(); i++) {
            cohortBounds[i] = (int) cohortStarts.get(i).toEpochDay();
        }
        cohortBounds[cohortStarts.size()] = bounds[periods];
        this.active = new long[periods];
        this.newcomers = new long[periods];
        this.repeat = new long[periods];
        this.tierCounts = new long[periods + 1][TIERS.length];
        this.lapsedFrom = new long[periods + 2];
        this.moves = new long[periods][TIERS.length][TIERS.length];
        this.cohortCells = new long[periods][CohortRetention.OFFSETS + 1];
        this.tierAt = new int[periods + 1];
    }

    /**
     * The figures of the consecutive periods starting on {@code starts} (at least one), from every person day: the
     * persons in two halves side by side, each tallied on its own, then the tallies added up.
     */
    static List<PeriodFigures> scan(PersonActivity activity, List<Integer> accountIds, Grain grain, List<LocalDate> starts) {
        List<PersonDayScan> halves = List.of(new PersonDayScan(grain, starts), new PersonDayScan(grain, starts));
        activity.eachPerson(accountIds, halves);
        PersonDayScan scan = halves.get(0);
        scan.add(halves.get(1));
        return scan.figures();
    }

    /** Adds another tally of the same periods (of other persons) to this one. */
    private void add(PersonDayScan other) {
        for (int i = 0; i < periods; i++) {
            active[i] += other.active[i];
            newcomers[i] += other.newcomers[i];
            repeat[i] += other.repeat[i];
            for (int k = 0; k <= CohortRetention.OFFSETS; k++) {
                cohortCells[i][k] += other.cohortCells[i][k];
            }
            for (int from = 0; from < TIERS.length; from++) {
                for (int to = 0; to < TIERS.length; to++) {
                    moves[i][from][to] += other.moves[i][from][to];
                }
            }
        }
        for (int j = 0; j <= periods; j++) {
            for (int t = 0; t < TIERS.length; t++) {
                tierCounts[j][t] += other.tierCounts[j][t];
            }
        }
        for (int j = 0; j < lapsedFrom.length; j++) {
            lapsedFrom[j] += other.lapsedFrom[j];
        }
    }

    @Override
    public void accept(long personId, int count, int[] days, int[] shares) {
        periodActivity(count, days);
        // bounds [first, lapsed) are looked at: none before is after the person's first day, every one from
        // lapsed on is more than 90 days after their last
        int first = firstAfter(bounds, days[0]);
        int lapsed = Math.max(first, firstAfter(bounds, days[count - 1] + 90));
        tiers(count, days, shares, first, lapsed);
        lapsedFrom[lapsed]++;
        for (int i = Math.max(first - 1, 0); i < Math.min(lapsed, periods); i++) {
            moves[i][tierAt(i, first, lapsed)][tierAt(i + 1, first, lapsed)]++;
        }
    }

    private int tierAt(int bound, int first, int lapsed) {
        return bound < first ? NONE : bound >= lapsed ? LAPSED : tierAt[bound];
    }

    /** The index of the first value greater than {@code day} in ascending {@code values}, or their length. */
    private static int firstAfter(int[] values, int day) {
        int i = Arrays.binarySearch(values, day);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /**
     * A person's first day in a period makes them active in it: new without any day before, repeat when their
     * previous day lies in the 90 days before the period's start. Their first day gives their cohort.
     */
    private void periodActivity(int count, int[] days) {
        int cohortEnd = firstAfter(cohortBounds, days[0]);
        int cohort = cohortEnd == 0 || cohortEnd == cohortBounds.length ? -1 : cohortEnd - 1;
        int period = -1;
        for (int k = 0; k < count; k++) {
            int day = days[k];
            if (day < bounds[0] || day >= bounds[periods]) {
                continue;
            }
            int p = period < 0 ? firstAfter(bounds, day) - 1 : period;
            while (bounds[p + 1] <= day) {
                p++;
            }
            if (p != period) {
                active[p]++;
                if (k == 0) {
                    newcomers[p]++;
                } else if (days[k - 1] >= bounds[p] - 90) {
                    repeat[p]++;
                }
                int offset = p + CohortRetention.OFFSETS - cohort;
                if (cohort >= 0 && offset <= CohortRetention.OFFSETS) {
                    cohortCells[p][offset]++;
                }
                period = p;
            }
        }
    }

    /** The person's tier at bounds [from, to), over W = [bound − 90 days, bound). */
    private void tiers(int count, int[] days, int[] shares, int from, int to) {
        int lo = 0;
        int hi = 0;
        for (int j = from; j < to; j++) {
            int end = bounds[j];
            while (lo < count && days[lo] < end - 90) {
                lo++;
            }
            while (hi < count && days[hi] < end) {
                hi++;
            }
            int tier;
            if (lo == hi) {
                // after the first day, no day in W: lapsed
                tier = LAPSED;
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
                tier = (weeks >= 3 && shared ? Tier.ADVOCATE : weeks >= 2 ? Tier.REGULAR : Tier.PARTICIPANT).ordinal();
            }
            tierAt[j] = tier;
            tierCounts[j][tier]++;
        }
    }

    private List<PeriodFigures> figures() {
        // the persons lapsed from a bound on are lapsed at every later one, and stay so through every later period
        long lapsedSince = 0;
        for (int j = 0; j <= periods; j++) {
            lapsedSince += lapsedFrom[j];
            tierCounts[j][LAPSED] += lapsedSince;
            if (j < periods) {
                moves[j][LAPSED][LAPSED] += lapsedSince;
            }
        }
        List<PeriodFigures> figures = new ArrayList<>(periods);
        for (int i = 0; i < periods; i++) {
            LocalDate start = starts.get(i);
            LocalDate end = LocalDate.ofEpochDay(bounds[i + 1]);
            long[] t = tierCounts[i + 1];
            List<PersonActivity.TierMove> moveList = new ArrayList<>();
            for (Tier from : TIERS) {
                for (Tier to : TIERS) {
                    long n = moves[i][from.ordinal()][to.ordinal()];
                    if (n > 0) {
                        moveList.add(new PersonActivity.TierMove(end, from.key(), to.key(), n));
                    }
                }
            }
            List<PersonActivity.CohortCell> cohorts = new ArrayList<>();
            for (int k = 0; k <= CohortRetention.OFFSETS; k++) {
                if (cohortCells[i][k] > 0) {
                    cohorts.add(new PersonActivity.CohortCell(cohortStarts.get(i + CohortRetention.OFFSETS - k), start,
                            cohortCells[i][k]));
                }
            }
            figures.add(new PeriodFigures(start, end, new PersonActivity.PeriodActivity(active[i], newcomers[i], repeat[i]),
                    new PersonActivity.TierCounts(t[Tier.ADVOCATE.ordinal()], t[Tier.REGULAR.ordinal()],
                            t[Tier.PARTICIPANT.ordinal()], t[Tier.LAPSED.ordinal()]),
                    List.copyOf(moveList), List.copyOf(cohorts)));
        }
        return figures;
    }
}
