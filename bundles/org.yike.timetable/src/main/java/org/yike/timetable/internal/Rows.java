package org.yike.timetable.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.yike.api.timetable.RowError;
import org.yike.api.timetable.TimetableRejected;

/**
 * The rows of a CSV file with a header line, each numbered as a spreadsheet shows it (the header is
 * row 1). Columns are found by their header name, in any order; a missing required column, or a
 * file that is not CSV, refuses the whole file.
 */
final class Rows {

    /** One data row: its number, and its cells by lower-case column name (blank cells absent). */
    record Row(int number, Map<String, String> cells) {

        String get(String column) {
            return cells.get(column);
        }
    }

    private Rows() {
    }

    static List<Row> read(byte[] bytes, Set<String> required) {
        String text = Text.decode(bytes);
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = null;
            for (CSVRecord r : parser) {
                if (header == null) {
                    List<String> names = r.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
                    header = names;
                    List<String> missing = required.stream().filter(c -> !names.contains(c)).sorted().toList();
                    if (!missing.isEmpty()) {
                        throw new TimetableRejected(List.of(new RowError((int) r.getRecordNumber(),
                                "the header lacks " + String.join(", ", missing) + " (it reads: " + String.join(",", header) + ")")));
                    }
                    continue;
                }
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < Math.min(header.size(), r.size()); i++) {
                    String v = r.get(i).strip();
                    if (!v.isEmpty()) cells.put(header.get(i), v);
                }
                if (!cells.isEmpty()) rows.add(new Row((int) r.getRecordNumber(), cells));
            }
            if (header == null) throw new TimetableRejected(List.of(new RowError(1, "the file is empty")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException | IllegalStateException e) {
            // Commons CSV reports a broken quote this way
            throw new TimetableRejected(List.of(new RowError(0, "not CSV: " + e.getMessage())));
        }
        return rows;
    }
}
