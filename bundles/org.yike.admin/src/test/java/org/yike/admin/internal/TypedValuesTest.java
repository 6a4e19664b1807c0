package org.yike.admin.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.yike.api.admin.AdminRefused;

/** A configuration's values written to the file and read back are the values, of the same Java types. */
public class TypedValuesTest {

    /** Through the file's text, as an export and an import on another box see it. */
    private static Object roundTrip(Object value) throws Exception {
        JsonNode read = Setup.JSON.readTree(Setup.JSON.writeValueAsString(TypedValues.write(value)));
        return TypedValues.read("test/value", read);
    }

    @Test
    public void scalarsKeepTheirTypes() throws Exception {
        for (Object v : List.of("教室 301", 640, 5_000_000_000L, 0.5d, 1.5f, (short) 7, (byte) 3, true, 'x')) {
            Object back = roundTrip(v);
            assertEquals(v, back);
            assertEquals(v.getClass(), back.getClass());
        }
    }

    @Test
    public void arraysAndListsKeepTheirElementTypes() throws Exception {
        assertArrayEquals(new String[] {"301=patrol", "302=audio"}, (String[]) roundTrip(new String[] {"301=patrol", "302=audio"}));
        assertArrayEquals(new int[] {1, 2}, (int[]) roundTrip(new int[] {1, 2}));
        assertArrayEquals(new Long[] {4L}, (Long[]) roundTrip(new Long[] {4L}));
        assertEquals(List.of(3L, 4L), roundTrip(List.of(3L, 4L)));
        assertEquals(Long.class, ((List<?>) roundTrip(List.of(3L))).get(0).getClass());
    }

    @Test
    public void aValueThatDoesNotFitItsTypeIsRefusedWithBoth() throws Exception {
        for (String bad : List.of("{\"type\": \"Integer\", \"value\": \"many\"}", "{\"type\": \"Boolean\", \"value\": \"yes\"}",
                "{\"type\": \"Object\", \"value\": 1}", "{\"type\": \"String[]\", \"value\": \"one\"}")) {
            try {
                TypedValues.read("org.yike.recording/width", Setup.JSON.readTree(bad));
                fail("read " + bad);
            } catch (AdminRefused e) {
                assertEquals(AdminRefused.Kind.INVALID, e.kind());
                assertTrue(e.getMessage(), e.getMessage().startsWith("org.yike.recording/width: "));
            }
        }
    }
}
