package org.yike.connector.sftp.internal;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trust on first use: a server met for the first time has its host key added to an OpenSSH
 * {@code known_hosts} file; a server whose key is not the one written there is refused, and why is
 * kept on the session for the error a person reads.
 */
final class PinnedHostKeys extends KnownHostsServerKeyVerifier {

    static final AttributeKey<String> REFUSAL = new AttributeKey<>();
    private static final Logger LOG = LoggerFactory.getLogger(PinnedHostKeys.class);

    PinnedHostKeys(Path knownHosts) {
        super((session, remote, key) -> {
            LOG.info("SFTP server {} met for the first time: its host key {} is pinned in {}", remote,
                    KeyUtils.getFingerPrint(key), knownHosts);
            return true;
        }, knownHosts);
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
        try {
            Files.createDirectories(getPath().getParent());
        } catch (IOException e) {
            session.setAttribute(REFUSAL, "the host key cannot be pinned in " + getPath() + ": " + e.getMessage());
            return false;
        }
        return super.verifyServerKey(session, remote, key);
    }

    @Override
    public boolean acceptModifiedServerKey(ClientSession session, SocketAddress remote, KnownHostEntry entry,
            PublicKey expected, PublicKey actual) {
        session.setAttribute(REFUSAL, "the server's host key changed: it offers " + KeyUtils.getFingerPrint(actual)
                + " where " + KeyUtils.getFingerPrint(expected) + " was pinned; if the server was really given a new key, "
                + "remove the line for " + entry.getConfigLine().split(" ")[0] + " from " + getPath());
        return false;
    }
}
