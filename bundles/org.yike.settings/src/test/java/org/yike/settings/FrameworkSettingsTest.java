package org.yike.settings;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.yike.api.runtime.Settings.CLOCK_SPEED;
import static org.yike.api.runtime.Settings.DATA;
import static org.yike.api.runtime.Settings.HTTP_PORT;
import static org.yike.api.runtime.Settings.REPOSITORIES;
import static org.yike.api.runtime.Settings.TIME_ZONE;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.Test;

public class FrameworkSettingsTest {

    private static FrameworkSettings settings(Map<String, String> properties, Map<String, String> environment) {
        return new FrameworkSettings(properties::get, environment);
    }

    @Test
    public void aFrameworkPropertyThenTheEnvironmentThenTheDefault() {
        assertEquals(Path.of("yike-data").toAbsolutePath(), settings(Map.of(), Map.of()).dataFolder());
        assertEquals(Path.of("/srv/env"), settings(Map.of(), Map.of("YIKE_DATA", "/srv/env")).dataFolder());
        assertEquals(Path.of("/srv/prop"), settings(Map.of(DATA, "/srv/prop"), Map.of("YIKE_DATA", "/srv/env")).dataFolder());
        assertEquals(Path.of("/srv/env"), settings(Map.of(DATA, " "), Map.of("YIKE_DATA", "/srv/env")).dataFolder());
    }

    @Test
    public void aPortThatIsNoNumberIsRefusedWithItsNames() {
        assertEquals(8080, settings(Map.of(), Map.of()).httpPort());
        assertEquals(9090, settings(Map.of(), Map.of("YIKE_HTTP_PORT", "9090")).httpPort());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of(HTTP_PORT, "eighty"), Map.of()).httpPort());
        assertTrue(e.getMessage(), e.getMessage().contains("yike.http.port / YIKE_HTTP_PORT is 'eighty'"));
    }

    @Test
    public void theClockRunsInRealTimeUnlessToldOtherwise() {
        assertEquals(1.0, settings(Map.of(), Map.of()).clockSpeed(), 0);
        assertEquals(12.0, settings(Map.of(CLOCK_SPEED, "12"), Map.of()).clockSpeed(), 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of(CLOCK_SPEED, "0"), Map.of()).clockSpeed());
        assertTrue(e.getMessage(), e.getMessage().contains(CLOCK_SPEED));
    }

    @Test
    public void theSchoolsTimeZoneIsAnIanaNameOrRefusedWithTheSettingsNames() {
        assertEquals(ZoneId.of("Asia/Shanghai"), settings(Map.of(TIME_ZONE, "Asia/Shanghai"), Map.of()).timeZone());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(Map.of(), Map.of("YIKE_TIMEZONE", "Beijing")).timeZone());
        assertTrue(e.getMessage(), e.getMessage().contains("yike.timezone / YIKE_TIMEZONE"));
    }

    @Test
    public void repositoriesAreACommaSeparatedList() {
        assertEquals(List.of("http://a/index.xml", "http://b/index.xml"),
                settings(Map.of(REPOSITORIES, " http://a/index.xml, ,http://b/index.xml "), Map.of()).repositories());
        assertEquals(List.of(), settings(Map.of(), Map.of()).repositories());
    }
}
