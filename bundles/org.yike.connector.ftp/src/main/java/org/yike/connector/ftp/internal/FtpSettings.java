package org.yike.connector.ftp.internal;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Map;

import org.yike.api.connector.TargetConfig;

/** A target's configuration as the FTP client needs it, checked, with reasons for what is wrong. */
record FtpSettings(String host, int port, String base, String user, String password, Tls tls, String certificateSha256,
        boolean passive, Charset encoding, Duration timeout) {

    enum Tls { NONE, EXPLICIT, IMPLICIT }

    static FtpSettings of(Map<String, Object> target) {
        TargetConfig config = new TargetConfig(target);
        URI uri = config.url("ftps?", "ftp://host:21/folder");
        Tls tls = Tls.valueOf(config.text("tls", uri.getScheme().equals("ftps") ? "implicit" : "none").toUpperCase());
        int port = uri.getPort() > 0 ? uri.getPort() : tls == Tls.IMPLICIT ? 990 : 21;
        return new FtpSettings(uri.getHost(), port, TargetConfig.folder(uri), config.text("user", "anonymous"),
                config.text("password", ""), tls, config.text("certificateSha256", "").replace(":", "").toLowerCase(),
                Boolean.parseBoolean(config.text("passive", "true")), Charset.forName(config.text("encoding", "UTF-8")),
                config.seconds("timeoutSeconds", 30));
    }

    @Override
    public String toString() {
        return (tls == Tls.NONE ? "ftp" : "ftps") + "://" + host + ":" + port + "/" + base;
    }
}
