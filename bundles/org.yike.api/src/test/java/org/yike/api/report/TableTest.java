package org.yike.api.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

public class TableTest {

    @Test
    public void cellsAreTextNumbersOrEmptyAndRowsAsWideAsTheHeadings() {
        assertThrows(IllegalArgumentException.class, () -> new Table("t", List.of("a", "b"), List.of(List.of("x"))));
        assertThrows(IllegalArgumentException.class, () -> new Table("t", List.of("a"), List.of(List.of(new Object()))));
        assertThrows(IllegalArgumentException.class, () -> new Table(" ", List.of("a"), List.of()));
        List<Object> row = new ArrayList<>(Arrays.asList("王芳", null));
        Table table = new Table("t", List.of("a", "b"), List.of(row));
        row.set(1, 3L);
        assertEquals("a copy, not the caller's list", Arrays.asList("王芳", null), table.rows().get(0));
    }

    @Test
    public void wholeNumbersReadWithoutDecimalsAndOthersWithTwo() {
        assertEquals("2", Table.text(2L));
        assertEquals("88.50", Table.text(88.5));
        assertEquals("66.67", Table.text(200.0 / 3));
        assertEquals("1.50", Table.text(new BigDecimal("1.5")));
        assertEquals("", Table.text(null));
        assertEquals("欧阳婧", Table.text("欧阳婧"));
    }
}
