package org.yike.api.timetable;

/** A refused row of an imported file: its number as a spreadsheet shows it (the header is row 1), and why. */
public record RowError(int row, String reason) {
}
