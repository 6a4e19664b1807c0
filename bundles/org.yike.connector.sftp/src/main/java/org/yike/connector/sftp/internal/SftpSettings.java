package org.yike.connector.sftp.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;

/** A target's configuration as the SFTP client needs it, checked, with reasons for what is wrong. */
record SftpSettings(String host, int port, String base, String user, String password, String privateKey,
        String passphrase, Duration timeout) {

    static SftpSettings of(Map<String, Object> target) {
        String url = text(target, "url", "");
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url '" + url + "' is not a URL like sftp://host:22/folder");
        }
        if (!"sftp".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("url '" + url + "' is not a URL like sftp://host:22/folder");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("url must not hold a user or password: set 'user' and 'password'");
        }
        String user = text(target, "user", "");
        if (user.isEmpty()) throw new IllegalArgumentException("user is missing");
        String password = text(target, "password", "");
        String key = text(target, "privateKey", "");
        if (password.isEmpty() && key.isEmpty()) throw new IllegalArgumentException("set a password or a private key");
        String base = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
        Object timeout = target.getOrDefault("timeoutSeconds", 30);
        return new SftpSettings(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 22, base, user, password, key,
                text(target, "passphrase", ""), Duration.ofSeconds(Long.parseLong(timeout.toString())));
    }

    private static String text(Map<String, Object> target, String key, String fallback) {
        Object v = target.get(key);
        return v == null || v.toString().isBlank() ? fallback : v.toString();
    }

    /** Where a problem happened, without any secret. */
    @Override
    public String toString() {
        return "sftp://" + user + "@" + host + ":" + port + "/" + base;
    }
}
