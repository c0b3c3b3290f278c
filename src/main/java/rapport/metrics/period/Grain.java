package rapport.metrics.period;

import rapport.system.BadRequest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** ISO weeks (Monday to Monday) or calendar months (METRICS.md §2). */
public enum Grain {
    WEEK, MONTH;

    public String key() {
        return name().toLowerCase();
    }

    public LocalDate startOf(LocalDate day) {
        return this == WEEK ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
    }

    public LocalDate next(LocalDate start) {
        return this == WEEK ? start.plusWeeks(1) : start.plusMonths(1);
    }

    public LocalDate previous(LocalDate start) {
        return this == WEEK ? start.minusWeeks(1) : start.minusMonths(1);
    }

    public static Grain fromKey(String key) {
        return switch (key == null ? "week" : key) {
            case "week" -> WEEK;
            case "month" -> MONTH;
            default -> throw new BadRequest("grain: must be week or month, not '" + key + "'");
        };
    }
}
