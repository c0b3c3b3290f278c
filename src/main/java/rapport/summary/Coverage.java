package rapport.summary;

import rapport.accounts.AccountSummary;
import rapport.summary.format.DashboardNumbers;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * How much of a month the scope's messages cover. A month is partial when it has not ended yet or the data
 * stops before its last day ("data until 14 Nov"); a partial month is never compared with complete ones, and
 * neither is a month the data starts inside.
 */
record Coverage(boolean partial, LocalDate dataUntil, LocalDate firstDay, String text) {

    static Coverage of(List<AccountSummary> accounts, YearMonth month, ZoneId zone, Instant now) {
        LocalDate first = accounts.stream().map(AccountSummary::firstMessageAt).filter(Objects::nonNull)
                .min(Instant::compareTo).map(i -> LocalDate.ofInstant(i, zone)).orElse(null);
        LocalDate last = accounts.stream().map(AccountSummary::lastMessageAt).filter(Objects::nonNull)
                .max(Instant::compareTo).map(i -> LocalDate.ofInstant(i, zone)).orElse(null);
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate lastDay = month.atEndOfMonth();
        if (last == null) {
            return new Coverage(true, null, null, "no messages yet");
        }
        if (last.isBefore(month.atDay(1))) {
            return new Coverage(true, last, first, "no messages in " + DashboardNumbers.monthLong(month)
                    + "; data until " + DashboardNumbers.dayMonth(last));
        }
        if (first.isAfter(month.atDay(1))) {
            return new Coverage(true, null, first, "data from " + DashboardNumbers.dayMonth(first));
        }
        LocalDate until = last.isBefore(today) ? last : today;
        if (until.isBefore(lastDay)) {
            return new Coverage(true, until, first, "data until " + DashboardNumbers.dayMonth(until));
        }
        return new Coverage(false, null, first, "complete month");
    }

    /** Whether this month may be compared with {@code other}: this one complete, the other one fully in the data. */
    boolean comparable(YearMonth other) {
        return !partial && firstDay != null && !firstDay.isAfter(other.atDay(1));
    }
}
