package org.yike.logging.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** slf4j bound to this bundle's provider; outside a framework (no Log Service) it writes the console itself. */
public class BundleLoggersTest {

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private PrintStream original;

    @Before
    public void captureConsole() {
        original = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    @After
    public void restoreConsole() {
        System.setOut(original);
    }

    @Test
    public void slf4jFindsThisProvider() {
        assertEquals(BundleLoggers.class, LoggerFactory.getILoggerFactory().getClass());
    }

    @Test
    public void aLineHasTimeLevelThreadShortNameMessageAndTheStackTrace() {
        Logger log = LoggerFactory.getLogger(BundleLoggersTest.class);
        log.warn("camera {} lost: {}", "cam301", "timeout", new IOException("connection reset"));
        String[] lines = console.toString(StandardCharsets.UTF_8).split("\n");
        assertTrue(lines[0], lines[0].matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[main\\] WARN  BundleLoggersTest - camera cam301 lost: timeout"));
        assertEquals("java.io.IOException: connection reset", lines[1]);
        assertTrue(lines[2], lines[2].contains("at org.yike.logging.internal.BundleLoggersTest.aLineHasTimeLevelThreadShortNameMessageAndTheStackTrace"));
    }

    @Test
    public void withoutALogServiceDebugIsOff() {
        Logger log = LoggerFactory.getLogger(BundleLoggersTest.class);
        log.debug("not shown");
        assertFalse(log.isDebugEnabled());
        assertEquals("", console.toString(StandardCharsets.UTF_8));
    }
}
