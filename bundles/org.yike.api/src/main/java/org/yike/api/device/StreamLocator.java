package org.yike.api.device;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Where the media of a source comes from, in words any media library understands: a URI
 * ({@code rtsp://cam/stream1}, {@code /dev/video0}, or a test-source graph), the name of the input
 * format that reads it when the URI alone does not tell ({@code v4l2}, {@code alsa}, {@code lavfi}),
 * and reader options ({@code rtsp_transport=tcp}). Drivers describe; the recording engine opens.
 */
public record StreamLocator(String uri, String format, Map<String, String> options) {

    public StreamLocator {
        Objects.requireNonNull(uri, "uri");
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    public static StreamLocator of(String uri) {
        return new StreamLocator(uri, null, Map.of());
    }

    /** The locator as it may appear in logs and API answers: credentials in the URI are masked. */
    public String redacted() {
        return redact(uri);
    }

    /**
     * The user-info part of a URL, {@code user:password@} (empty without a user), percent-encoded:
     * FFmpeg decodes it before authenticating, and {@link #redact} masks all of it.
     */
    public static String userInfo(String user, String password) {
        if (user == null || user.isEmpty()) return "";
        return encode(user) + (password == null || password.isEmpty() ? "" : ":" + encode(password)) + "@";
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@code text} (an error message, say) with the credentials of any URI in it masked. */
    public static String redact(String text) {
        return text == null ? null : text.replaceAll("://[^/@\\s]*@", "://***@");
    }
}
