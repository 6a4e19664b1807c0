package org.yike.api.report;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A report's table: its title, the column headings, and rows of cells as wide as the headings. A cell is
 * text (a {@link String}), a number (a {@link Number}) or empty ({@code null}).
 */
public record Table(String title, List<String> headings, List<List<Object>> rows) {

    public Table {
        if (title == null || title.isBlank()) throw new IllegalArgumentException("a table has a title");
        headings = List.copyOf(headings);
        // List.copyOf refuses nulls: an empty cell stays null in an unmodifiable list of its own
        rows = rows.stream().map(r -> Collections.unmodifiableList(new ArrayList<>(r))).toList();
        for (List<Object> row : rows) {
            if (row.size() != headings.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells under " + headings.size() + " headings: " + row);
            }
            for (Object cell : row) {
                if (cell != null && !(cell instanceof String) && !(cell instanceof Number)) {
                    throw new IllegalArgumentException("a cell is text or a number, not " + cell.getClass().getName());
                }
            }
        }
    }

    /** Whether a number is of a whole type (a count), which every format shows without decimals; other numbers show two. */
    public static boolean whole(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte || n instanceof BigInteger;
    }

    /** A cell as a format that writes text shows it: a number as {@link #whole} says, with a point; empty as "". */
    public static String text(Object cell) {
        if (cell instanceof Number n) return whole(n) ? n.toString() : String.format(Locale.ROOT, "%.2f", n.doubleValue());
        return cell == null ? "" : cell.toString();
    }
}
