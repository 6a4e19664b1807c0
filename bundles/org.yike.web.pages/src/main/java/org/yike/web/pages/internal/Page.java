package org.yike.web.pages.internal;

import java.net.URL;
import java.util.Map;
import java.util.Optional;

/**
 * A file of the built web app (inside this bundle under {@code pages/}) that answers a request path.
 * Paths of the app's own routes ({@code /room/301}) answer index.html, where the app's router takes
 * over; a missing file answers nothing.
 */
record Page(URL resource, String contentType, String cacheControl) {

    static final String ROOT = "pages";

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=utf-8",
            "js", "text/javascript;charset=utf-8",
            "css", "text/css;charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2",
            "woff", "font/woff",
            "json", "application/json");

    /** Vite names every file under assets/ after a hash of its content: it never changes. */
    private static final String FOREVER = "public, max-age=31536000, immutable";
    private static final String ALWAYS_ASK = "no-cache";

    /** Paths that belong to other bundles (the API, the live streams): never answered with the app. */
    private static final String[] OTHERS = {"/api/", "/live/"};

    static Optional<Page> find(ClassLoader loader, String path) {
        if (!safe(path)) {
            return Optional.empty();
        }
        for (String other : OTHERS) {
            if (path.startsWith(other)) {
                return Optional.empty();
            }
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return find(loader, "/index.html");
        }
        URL resource = loader.getResource(ROOT + path);
        if (resource == null) {
            return Optional.empty();
        }
        String type = TYPES.getOrDefault(name.substring(dot + 1), "application/octet-stream");
        return Optional.of(new Page(resource, type, path.startsWith("/assets/") ? FOREVER : ALWAYS_ASK));
    }

    /** An absolute path with no empty, hidden or parent ("..") segment: it cannot leave pages/. */
    private static boolean safe(String path) {
        String[] segments = path.split("/", -1);
        if (!path.startsWith("/")) {
            return false;
        }
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            if (s.startsWith(".") || s.indexOf('\\') >= 0 || (s.isEmpty() && i < segments.length - 1)) {
                return false;
            }
        }
        return true;
    }
}
