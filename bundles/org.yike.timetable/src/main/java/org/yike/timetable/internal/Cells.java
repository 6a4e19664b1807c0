package org.yike.timetable.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.function.Function;

/** Reading one cell; a bad one throws {@link IllegalArgumentException} saying what it should be. */
final class Cells {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss]");
    /** ISO dates, and the 2025/9/1 Excel writes. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu[-][/]M[-][/]d")
            .withResolverStyle(ResolverStyle.STRICT);

    private Cells() {
    }

    static String required(Rows.Row row, String column) {
        String v = row.get(column);
        if (v == null) throw new IllegalArgumentException(column + " is empty");
        return v;
    }

    static int number(Rows.Row row, String column, int least, int most) {
        String v = required(row, column);
        try {
            int n = Integer.parseInt(v);
            if (n >= least && n <= most) return n;
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(column + " '" + v + "' is not a number from " + least + " to " + most);
    }

    static LocalTime time(Rows.Row row, String column) {
        return parsed(row, column, v -> LocalTime.parse(v, TIME), "a time such as 08:00");
    }

    static LocalDate date(Rows.Row row, String column) {
        return parsed(row, column, v -> LocalDate.parse(v, DATE), "a date such as 2025-09-01");
    }

    /** {@code what} says what the cell must be, e.g. {@code a time such as 08:00}. */
    private static <T> T parsed(Rows.Row row, String column, Function<String, T> parse, String what) {
        String v = required(row, column);
        try {
            return parse.apply(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(column + " '" + v + "' is not " + what);
        }
    }

    /** yes/no, true/false, 1/0, 是/否; blank is {@code fallback}. */
    static boolean yesNo(Rows.Row row, String column, boolean fallback) {
        String v = row.get(column);
        if (v == null) return fallback;
        switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1", "是":
                return true;
            case "no", "n", "false", "0", "否":
                return false;
            default:
                throw new IllegalArgumentException(column + " '" + v + "' is neither yes nor no");
        }
    }
}
