package org.yike.api.runtime;

import static org.junit.Assert.assertEquals;

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
}
