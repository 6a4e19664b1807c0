package org.yike.web.pages.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/** Against the app the build made in target/classes/pages. */
public class PageTest {

    private final ClassLoader loader = PageTest.class.getClassLoader();

    private String text(String path) throws IOException {
        try (InputStream in = Page.find(loader, path).orElseThrow().resource().openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    public void theRootAndTheAppsRoutesAnswerIndexHtml() throws IOException {
        String index = text("/");
        assertTrue(index, index.contains("<div id=\"app\">"));
        assertEquals(index, text("/room/301"));
        assertEquals(index, text("/room/教1-301"));
        assertEquals(index, text("/room/阶梯教室 A/"));
        assertEquals("text/html;charset=utf-8", Page.find(loader, "/room/301").orElseThrow().contentType());
        assertEquals("no-cache", Page.find(loader, "/").orElseThrow().cacheControl());
    }

    @Test
    public void everyScriptIndexHtmlLoadsIsServedForever() throws IOException {
        Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(text("/"));
        assertTrue("index.html loads a script", script.find());
        Page page = Page.find(loader, script.group(1)).orElseThrow();
        assertEquals("text/javascript;charset=utf-8", page.contentType());
        assertTrue(page.cacheControl(), page.cacheControl().contains("immutable"));
        assertTrue(Files.size(Path.of(page.resource().getPath())) > 0);
    }

    @Test
    public void missingFilesOtherBundlesPathsAndEscapesAnswerNothing() {
        assertFalse(Page.find(loader, "/assets/nothing-here.js").isPresent());
        assertFalse(Page.find(loader, "/api/live").isPresent());
        assertFalse(Page.find(loader, "/live/301/main").isPresent());
        assertFalse(Page.find(loader, "/../PageTest.class").isPresent());
        assertFalse(Page.find(loader, "/assets/../../org/yike/web/pages/internal/Page.class").isPresent());
        assertFalse(Page.find(loader, "/.hidden").isPresent());
        assertFalse(Page.find(loader, "//etc/passwd").isPresent());
    }
}
