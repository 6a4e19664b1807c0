package org.yike.api.timetable;

import java.util.List;
import java.util.stream.Collectors;

/** An import refused whole, with every bad row; nothing of it was kept. */
public class TimetableRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<RowError> errors;

    public TimetableRejected(List<RowError> errors) {
        super(errors.stream().map(e -> "row " + e.row() + ": " + e.reason()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<RowError> errors() {
        return errors;
    }
}
