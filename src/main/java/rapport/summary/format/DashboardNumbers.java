package rapport.summary.format;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The dashboard's number formatting ({@code frontend/js/format.js}) for text written on the server: the
 * highlights, the PDF and the e-mail read their numbers exactly as the dashboard shows them.
 */
public final class DashboardNumbers {

    public static final String NBSP = "\u00a0";
    public static final String MINUS = "\u2212";
    private static final DateTimeFormatter MONTH_LONG = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MONTH_SHORT = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private DashboardNumbers() {
    }

    private static String digits(double v, int maxFraction) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        f.setMaximumFractionDigits(maxFraction);
        f.setRoundingMode(java.math.RoundingMode.HALF_EVEN);
        String s = f.format(v);
        return s.equals("-0") ? "0" : s;
    }

    /** 950, 1.2k, 38k, 1.4M. */
    public static String count(double v) {
        double a = Math.abs(v);
        if (a >= 1_000_000_000) {
            return digits(v / 1_000_000_000, 1) + "B";
        }
        if (a >= 1_000_000) {
            return digits(v / 1_000_000, 1) + "M";
        }
        if (a >= 1000) {
            return digits(v / 1000, 1) + "k";
        }
        return digits(v, 1);
    }

    /** A share in [0, 1] as a percentage: 38 %, 4.5 %. */
    public static String percent(double share) {
        double pct = share * 100;
        return (Math.abs(pct) < 10 ? digits(pct, 1) : digits(pct, 0)) + NBSP + "%";
    }

    /** Minutes as a person says them: 45 s, 12 min, 4 h 12 min, 2 d 5 h. */
    public static String duration(double minutes) {
        if (minutes < 1) {
            return digits(minutes * 60, 0) + NBSP + "s";
        }
        if (minutes < 60) {
            return digits(minutes, 0) + NBSP + "min";
        }
        if (minutes < 24 * 60) {
            long h = (long) Math.floor(minutes / 60);
            long m = Math.round(minutes - h * 60);
            return m != 0 && m < 60 ? h + NBSP + "h " + m + NBSP + "min" : Math.round(minutes / 60) + NBSP + "h";
        }
        long d = (long) Math.floor(minutes / 1440);
        long h = Math.round((minutes - d * 1440) / 60);
        return h != 0 && h < 24 ? d + NBSP + "d " + h + NBSP + "h" : Math.round(minutes / 1440) + NBSP + "d";
    }

    /** A value in its unit's own terms (count, share, minutes, score, rate); '—' where there is none. */
    public static String value(Double v, String unit) {
        if (v == null || v.isNaN()) {
            return "—";
        }
        String written = switch (unit) {
            case "share" -> percent(v);
            case "minutes" -> duration(v);
            case "count" -> count(v);
            case "score" -> digits(v, 1);
            case "rate" -> Math.abs(v) >= 1000 ? count(v) : Math.abs(v) >= 10 ? digits(v, 1) : digits(v, 2);
            default -> digits(v, 2);
        };
        return written.startsWith("-") ? MINUS + written.substring(1) : written;
    }

    /** The difference of two values as the dashboard's cards write it: +4.1 pts, −12 min, ±0; null when either is missing. */
    public static String change(Double current, Double previous, String unit) {
        if (current == null || previous == null) {
            return null;
        }
        double d = current - previous;
        double size = Math.abs(d);
        String text = switch (unit) {
            case "share" -> digits(size * 100, 1) + NBSP + "pts";
            case "minutes" -> duration(size);
            case "count" -> count(size);
            case "score" -> digits(size, 1);
            default -> value(size, unit);
        };
        return (d == 0 ? "±" : d > 0 ? "+" : MINUS) + text;
    }

    /** A relative change as a whole percentage: 18 %. */
    public static String relative(double ratio) {
        return digits(Math.abs(ratio) * 100, 0) + NBSP + "%";
    }

    /** The label of a value axis in this unit (format.js {@code axis}). */
    public static String axis(double v, String unit) {
        return switch (unit) {
            case "share" -> digits(v * 100, Math.abs(v) < 0.1 ? 1 : 0) + NBSP + "%";
            case "minutes" -> v < 120 ? digits(v, 0) + NBSP + "min" : v < 2880 ? digits(v / 60, 1) + NBSP + "h"
                    : digits(v / 1440, 1) + NBSP + "d";
            default -> count(v);
        };
    }

    /** "November 2026". */
    public static String monthLong(YearMonth month) {
        return month.format(MONTH_LONG);
    }

    /** "Nov 2026", the dashboard's axis label for a month. */
    public static String monthShort(YearMonth month) {
        return month.format(MONTH_SHORT);
    }

    /** "14 Nov". */
    public static String dayMonth(LocalDate day) {
        return day.format(DAY_MONTH);
    }
}
