package rapport.metrics.period;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One period [start, end) in the workspace time zone, as instants in microseconds since the epoch,
 * with the 90-day look-back of METRICS.md §2 (same wall-clock time 90 calendar days earlier).
 */
public record Period(LocalDate start, LocalDate end, long startMicros, long endMicros,
                     long ninetyDaysBeforeStartMicros, long ninetyDaysBeforeEndMicros) {

    public static Period of(LocalDate start, LocalDate end, ZoneId zone) {
        return new Period(start, end, micros(start, zone), micros(end, zone),
                micros(start.minusDays(90), zone), micros(end.minusDays(90), zone));
    }

    private static long micros(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toEpochSecond() * 1_000_000L;
    }
}
