package org.yike.connector.opencast.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;

/** A target's configuration as the Opencast client needs it, checked, with reasons for what is wrong. */
record OpencastSettings(URI url, String user, String password, boolean digest, String workflow, String agent, String room,
        String flavor, String presentationSource, Duration poll, Duration timeout) {

    static OpencastSettings of(Map<String, Object> target) {
        String url = text(target, "url", "").replaceAll("/+$", "");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url '" + url + "' is not a URL like https://opencast.example.org");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
            throw new IllegalArgumentException("url '" + url + "' is not a URL like https://opencast.example.org");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("url must not hold a user or password: set 'user' and 'password'");
        }
        String auth = text(target, "auth", "digest").toLowerCase();
        if (!auth.equals("digest") && !auth.equals("basic")) throw new IllegalArgumentException("auth is digest or basic, not " + auth);
        String agent = text(target, "agentName", "");
        String room = text(target, "room", "");
        if (!agent.isEmpty() && room.isEmpty()) throw new IllegalArgumentException("agentName " + agent + " needs the room it records");
        return new OpencastSettings(uri, text(target, "user", ""), text(target, "password", ""), auth.equals("digest"),
                text(target, "workflow", "schedule-and-upload"), agent, room, text(target, "flavor", "presenter/source"),
                text(target, "presentationSource", ""), Duration.ofSeconds(number(target, "pollSeconds", 60)),
                Duration.ofSeconds(number(target, "timeoutSeconds", 60)));
    }

    private static String text(Map<String, Object> target, String key, String fallback) {
        Object v = target.get(key);
        return v == null || v.toString().isBlank() ? fallback : v.toString().trim();
    }

    private static long number(Map<String, Object> target, String key, long fallback) {
        Object v = target.get(key);
        return v == null || v.toString().isBlank() ? fallback : Math.max(1, Long.parseLong(v.toString().trim()));
    }

    /** Where a problem happened, without any secret. */
    @Override
    public String toString() {
        return url + (agent.isEmpty() ? "" : " (agent " + agent + ")");
    }
}
