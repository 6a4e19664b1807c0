package org.yike.connector.rtmp.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * A target's configuration, checked. The stream key is a secret: {@link #toString()} and
 * {@link #scrub} keep it out of every message.
 */
record RtmpSettings(String url, String room, String key, int timeoutSeconds) {

    RtmpSettings {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is not a URL: " + e.getReason());
        }
        if (!"rtmp".equals(uri.getScheme()) && !"rtmps".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("url must be rtmp://host[:port]/app[/stream] or rtmps://...");
        }
        if (uri.getUserInfo() != null) throw new IllegalArgumentException("url must hold no user or password; use key");
        if (uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("url must name the server's application: rtmp://host/app[/stream]");
        }
        url = uri.toString().replaceAll("/+$", "");
        if (room == null || room.isBlank()) throw new IllegalArgumentException("room is missing");
        key = key == null ? "" : key;
        if (key.contains("/") || key.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("key must hold no '/' and no spaces");
        }
        if (timeoutSeconds < 1) throw new IllegalArgumentException("timeoutSeconds must be at least 1");
    }

    static RtmpSettings of(Map<String, Object> config) {
        Object timeout = config.getOrDefault("timeoutSeconds", 10);
        return new RtmpSettings(string(config.get("url")), string(config.get("room")), string(config.get("key")),
                timeout instanceof Number n ? n.intValue() : Integer.parseInt(timeout.toString().trim()));
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    /** Where the stream goes, key and all: for FFmpeg only, never for a message. */
    String pushUrl() {
        return key.isEmpty() ? url : url + "/" + key;
    }

    /** A message (FFmpeg's, javacv's) with the key taken out. */
    String scrub(String message) {
        if (message == null) return "";
        return key.isEmpty() ? message : message.replace(key, "***");
    }

    @Override
    public String toString() {
        return key.isEmpty() ? url : url + "/***";
    }
}
