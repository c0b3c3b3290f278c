package rapport.metrics.period;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * The bounds of consecutive periods as instants: every period's start, then the last one's end (period i holds
     * [bounds[i], bounds[i + 1]), what {@code width_bucket} puts a row in). At least one period.
     */
    public static List<OffsetDateTime> bounds(List<Period> consecutive) {
        List<OffsetDateTime> bounds = new ArrayList<>(consecutive.size() + 1);
        consecutive.forEach(p -> bounds.add(at(p.startMicros())));
        bounds.add(at(consecutive.get(consecutive.size() - 1).endMicros()));
        return bounds;
    }

    private static OffsetDateTime at(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private static long micros(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toEpochSecond() * 1_000_000L;
    }
}
