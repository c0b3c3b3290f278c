package rapport.metrics.facts;

import java.util.Arrays;

/**
 * Rows of a COPY of person days ({@code person_id}, epoch day, shares; tab-separated text, in person and day order)
 * gathered into each person's days: a day repeated for another account of the scope adds its shares to the first.
 */
final class PersonDayRows {

    private final PersonActivity.PersonDays consumer;
    private int[] days = new int[64];
    private int[] shares = new int[64];
    private int count;
    private long person = Long.MIN_VALUE;
    private int at;

    PersonDayRows(PersonActivity.PersonDays consumer) {
        this.consumer = consumer;
    }

    void add(byte[] row) {
        at = 0;
        long next = number(row);
        int day = (int) number(row);
        int shared = (int) number(row);
        if (next != person && count > 0) {
            consumer.accept(person, count, days, shares);
            count = 0;
        } else if (count > 0 && days[count - 1] == day) {
            shares[count - 1] += shared;
            return;
        }
        person = next;
        if (count == days.length) {
            days = Arrays.copyOf(days, count * 2);
            shares = Arrays.copyOf(shares, count * 2);
        }
        days[count] = day;
        shares[count++] = shared;
    }

    void end() {
        if (count > 0) {
            consumer.accept(person, count, days, shares);
            count = 0;
        }
    }

    /** The integer at the read position (digits, perhaps after a minus), and the position after its separator. */
    private long number(byte[] row) {
        boolean negative = row[at] == '-';
        if (negative) {
            at++;
        }
        long value = 0;
        while (at < row.length && row[at] >= '0' && row[at] <= '9') {
            value = value * 10 + (row[at++] - '0');
        }
        at++;
        return negative ? -value : value;
    }
}
