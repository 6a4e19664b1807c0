package org.yike.api.connector;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;

/**
 * A target's configuration (the connector's own keys) read the same way by every connector: a
 * missing or blank value is the connector's default, and the server's {@code url} holds no
 * credentials, as they have their own keys. Wrong values throw {@link IllegalArgumentException}
 * with a reason a person can act on.
 */
public final class TargetConfig {

    private final Map<String, Object> target;

    public TargetConfig(Map<String, Object> target) {
        this.target = target;
    }

    /** The value as given (spaces may belong to a password), {@code fallback} where it is missing or blank. */
    public String text(String key, String fallback) {
        Object v = target.get(key);
        return v == null || v.toString().isBlank() ? fallback : v.toString();
    }

    /** Whole seconds, {@code fallback} where missing or blank. */
    public Duration seconds(String key, long fallback) {
        String v = text(key, Long.toString(fallback)).trim();
        try {
            return Duration.ofSeconds(Long.parseLong(v));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + v + "' is not a whole number of seconds");
        }
    }

    /**
     * The {@code url}, with a scheme that {@code schemes} (a regular expression) matches and a host.
     * {@code example} shows one in the refusal, e.g. {@code sftp://host:22/folder}.
     */
    public URI url(String schemes, String example) {
        String url = text("url", "");
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getScheme() == null || !uri.getScheme().matches(schemes) || uri.getHost() == null) {
            throw new IllegalArgumentException("url '" + url + "' is not a URL like " + example);
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("url must not hold a user or password: set 'user' and 'password'");
        }
        return uri;
    }

    /** The folder a URL's path names, without slashes around it; {@code ""} for the login's own. */
    public static String folder(URI url) {
        return url.getPath() == null ? "" : url.getPath().replaceAll("^/+|/+$", "");
    }
}
