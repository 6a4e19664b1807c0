package org.yike.api.runtime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Map;

import org.junit.Test;

public class SettingsTest {

    @Test
    public void propertyThenEnvironmentThenDefault() {
        String key = "yike.test.setting";
        System.clearProperty(key);
        assertEquals("d", Settings.value(key, Map.of(), "d"));
        assertEquals("env", Settings.value(key, Map.of("YIKE_TEST_SETTING", "env"), "d"));
        System.setProperty(key, "prop");
        try {
            assertEquals("prop", Settings.value(key, Map.of("YIKE_TEST_SETTING", "env"), "d"));
        } finally {
            System.clearProperty(key);
        }
    }

    @Test(expected = IllegalArgumentException.class)
    public void aPortThatIsNoNumberIsRefusedWithItsName() {
        System.setProperty(Settings.HTTP_PORT, "eighty");
        try {
            Settings.httpPort();
        } finally {
            System.clearProperty(Settings.HTTP_PORT);
        }
    }

    @Test
    public void theClockRunsInRealTimeUnlessToldOtherwise() {
        System.clearProperty(Settings.CLOCK_SPEED);
        if (System.getenv("YIKE_CLOCK_SPEED") == null) assertEquals(1.0, Settings.clockSpeed(), 0);
        System.setProperty(Settings.CLOCK_SPEED, "12");
        try {
            assertEquals(12.0, Settings.clockSpeed(), 0);
            System.setProperty(Settings.CLOCK_SPEED, "0");
            Settings.clockSpeed();
            fail("a clock that stands still is refused");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(Settings.CLOCK_SPEED));
        } finally {
            System.clearProperty(Settings.CLOCK_SPEED);
        }
    }

    @Test
    public void theSchoolsTimeZoneIsAnIanaNameOrRefusedWithTheSettingsName() {
        System.setProperty(Settings.TIME_ZONE, "Asia/Shanghai");
        try {
            assertEquals(java.time.ZoneId.of("Asia/Shanghai"), Settings.timeZone());
            System.setProperty(Settings.TIME_ZONE, "Beijing");
            Settings.timeZone();
            fail("Beijing is no IANA zone");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("yike.timezone / YIKE_TIMEZONE"));
        } finally {
            System.clearProperty(Settings.TIME_ZONE);
        }
    }
}
