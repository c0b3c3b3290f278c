package rapport.summary;

import rapport.system.BadRequest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** The month a summary is for: {@code YYYY-MM}, or the last finished month in the workspace time zone. */
public final class SummaryMonth {

    private SummaryMonth() {
    }

    public static YearMonth parse(String month, ZoneId zone) {
        if (month == null || month.isBlank()) {
            return lastFinished(LocalDate.now(zone));
        }
        try {
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest("month: '" + month + "' is not a month (YYYY-MM)");
        }
    }

    public static YearMonth lastFinished(LocalDate today) {
        return YearMonth.from(today).minusMonths(1);
    }
}
