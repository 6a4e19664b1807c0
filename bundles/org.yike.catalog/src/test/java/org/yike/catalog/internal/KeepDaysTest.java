package org.yike.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.Test;

public class KeepDaysTest {

    @Test
    public void aLessonIsKeptTheLongestOfItsCategoriesAndStarStandsForTheRest() {
        KeepDays keep = KeepDays.parse("常态课=30", " 公开课 = 365 ", "", "*=90");
        assertEquals(Optional.of(new KeepDays.Rule("公开课", 365)), keep.ruleFor(List.of("常态课", "公开课")));
        assertEquals(Optional.of(new KeepDays.Rule("常态课", 30)), keep.ruleFor(List.of("数学", "常态课")));
        assertEquals(Optional.of(new KeepDays.Rule("*", 90)), keep.ruleFor(List.of("数学")));
        assertEquals(30, keep.fewest());
    }

    @Test
    public void withoutStarALessonOfNoListedCategoryIsKeptForGood() {
        KeepDays keep = KeepDays.parse("常态课=30");
        assertEquals(Optional.empty(), keep.ruleFor(List.of()));
        assertTrue(KeepDays.parse().keepsAll());
        assertEquals(Integer.MAX_VALUE, KeepDays.FOREVER.fewest());
    }

    @Test
    public void aWrongEntryIsNamed() {
        for (String wrong : List.of("常态课", "常态课=0", "常态课=thirty", "=30", "*=-1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeepDays.parse(wrong));
            assertTrue(e.getMessage(), e.getMessage().contains("'" + wrong + "'"));
        }
        assertEquals("'常态课' has days twice",
                assertThrows(IllegalArgumentException.class, () -> KeepDays.parse("常态课=30", "常态课=60")).getMessage());
    }
}
