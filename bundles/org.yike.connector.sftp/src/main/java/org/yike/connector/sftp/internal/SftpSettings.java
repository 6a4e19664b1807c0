package org.yike.connector.sftp.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.yike.api.connector.TargetConfig;

/** A target's configuration as the SFTP client needs it, checked, with reasons for what is wrong. */
record SftpSettings(String host, int port, String base, String user, String password, String privateKey,
        String passphrase, Duration timeout) {

    static SftpSettings of(Map<String, Object> target) {
        TargetConfig config = new TargetConfig(target);
        URI uri = config.url("sftp", "sftp://host:22/folder");
        String user = config.text("user", "");
        if (user.isEmpty()) throw new IllegalArgumentException("user is missing");
        String password = config.text("password", "");
        String key = config.text("privateKey", "");
        if (password.isEmpty() && key.isEmpty()) throw new IllegalArgumentException("set a password or a private key");
        return new SftpSettings(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : 22, TargetConfig.folder(uri), user, password,
                key, config.text("passphrase", ""), config.seconds("timeoutSeconds", 30));
    }

    /** Where a problem happened, without any secret. */
    @Override
    public String toString() {
        return "sftp://" + user + "@" + host + ":" + port + "/" + base;
    }
}
