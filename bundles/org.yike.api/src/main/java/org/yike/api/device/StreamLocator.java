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

    /**
     * {@code url} ({@code scheme://host/…}, without credentials) with {@code user} and
     * {@code password} percent-encoded into it, where FFmpeg takes them for RTSP, RTMP and HTTP
     * (basic and digest) and where {@link #redact} masks all of them. An empty user adds nothing.
     */
    public static String withCredentials(String url, String user, String password) {
        if (user == null || user.isEmpty()) return url;
        int host = url.indexOf("://") + 3;
        String credentials = encode(user) + (password == null || password.isEmpty() ? "" : ":" + encode(password)) + "@";
        return url.substring(0, host) + credentials + url.substring(host);
    }

    /** Percent-encoding for the user-info part; FFmpeg decodes it before authenticating. */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The locator as it may appear in logs and API answers: credentials in the URI are masked. */
    public String redacted() {
        return redact(uri);
    }

    /** {@code text} (an error message, say) with the credentials of any URI in it masked. */
    public static String redact(String text) {
        return text == null ? null : text.replaceAll("://[^/@\\s]*@", "://***@");
    }
}
