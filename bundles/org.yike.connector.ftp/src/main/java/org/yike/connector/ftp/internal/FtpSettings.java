package org.yike.connector.ftp.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Map;

/** A target's configuration as the FTP client needs it, checked, with reasons for what is wrong. */
record FtpSettings(String host, int port, String base, String user, String password, Tls tls, String certificateSha256,
        boolean passive, Charset encoding, Duration timeout) {

    enum Tls { NONE, EXPLICIT, IMPLICIT }

    static FtpSettings of(Map<String, Object> target) {
        String url = text(target, "url", "");
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url '" + url + "' is not a URL like ftp://host:21/folder");
        }
        if (uri.getScheme() == null || !uri.getScheme().matches("ftps?") || uri.getHost() == null) {
            throw new IllegalArgumentException("url '" + url + "' is not a URL like ftp://host:21/folder");
        }
        if (uri.getUserInfo() != null) {
            throw new IllegalArgumentException("url must not hold a user or password: set 'user' and 'password'");
        }
        Tls tls = Tls.valueOf(text(target, "tls", uri.getScheme().equals("ftps") ? "implicit" : "none").toUpperCase());
        int port = uri.getPort() > 0 ? uri.getPort() : tls == Tls.IMPLICIT ? 990 : 21;
        String base = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
        Object passive = target.getOrDefault("passive", Boolean.TRUE);
        Object timeout = target.getOrDefault("timeoutSeconds", 30);
        return new FtpSettings(uri.getHost(), port, base, text(target, "user", "anonymous"), text(target, "password", ""),
                tls, text(target, "certificateSha256", "").replace(":", "").toLowerCase(),
                Boolean.parseBoolean(passive.toString()), Charset.forName(text(target, "encoding", "UTF-8")),
                Duration.ofSeconds(Long.parseLong(timeout.toString())));
    }

    private static String text(Map<String, Object> target, String key, String fallback) {
        Object v = target.get(key);
        return v == null || v.toString().isBlank() ? fallback : v.toString();
    }

    @Override
    public String toString() {
        return (tls == Tls.NONE ? "ftp" : "ftps") + "://" + host + ":" + port + "/" + base;
    }
}
