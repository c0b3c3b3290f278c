package rapport.metrics.period;

import rapport.system.BadRequest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The periods of a grain whose start date lies in [from, to] (both inclusive). */
public record PeriodRange(Grain grain, LocalDate from, LocalDate to) {

    public static final int MAX_PERIODS = 1000;

    /** Parses the request's parameters; without from/to, the last 12 periods up to today. */
    public static PeriodRange parse(String grain, String from, String to, ZoneId zone) {
        Grain g = Grain.fromKey(grain);
        LocalDate end = to == null || to.isBlank() ? LocalDate.now(zone) : date("to", to);
        LocalDate start = from == null || from.isBlank() ? g.startOf(end).minus(11, g == Grain.WEEK
                ? java.time.temporal.ChronoUnit.WEEKS : java.time.temporal.ChronoUnit.MONTHS) : date("from", from);
        if (start.isAfter(end)) {
            throw new BadRequest("from: " + start + " is after to: " + end);
        }
        PeriodRange range = new PeriodRange(g, start, end);
        if (range.starts().size() > MAX_PERIODS) {
            throw new BadRequest("from: the range holds more than " + MAX_PERIODS + " periods; narrow it");
        }
        return range;
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest(name + ": '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }

    public List<LocalDate> starts() {
        List<LocalDate> starts = new ArrayList<>();
        LocalDate start = grain.startOf(from);
        if (start.isBefore(from)) {
            start = grain.next(start);
        }
        for (; !start.isAfter(to) && starts.size() <= MAX_PERIODS; start = grain.next(start)) {
            starts.add(start);
        }
        return starts;
    }

    public List<Period> periods(ZoneId zone) {
        return starts().stream().map(s -> Period.of(s, grain.next(s), zone)).toList();
    }
}
