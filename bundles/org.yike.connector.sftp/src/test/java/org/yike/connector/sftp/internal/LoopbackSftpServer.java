package org.yike.connector.sftp.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * Apache MINA SSHD with its SFTP subsystem on loopback: one user whose folder {@code root} is the
 * server's {@code /}, a password or one authorized key, the host key kept in a file (another file:
 * another key), and a log of where each opened file's first write began.
 */
public final class LoopbackSftpServer implements AutoCloseable {

    public static final String USER = "teacher";
    public static final String PASSWORD = "s3cret-pw";

    public final Path root;
    public final List<String> log = new CopyOnWriteArrayList<>();
    private final Set<String> writtenHandles = ConcurrentHashMap.newKeySet();
    private volatile Path hostKey;
    private volatile PublicKey authorizedKey;
    private int port;
    private SshServer server;

    public LoopbackSftpServer(Path root, Path hostKey) {
        this.root = root;
        this.hostKey = hostKey;
    }

    /** Starts listening, on the port it had before where it was started already. */
    public LoopbackSftpServer start() throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(port);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKey));
        server.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user) && KeyUtils.compareKeys(key, authorizedKey));
        server.setFileSystemFactory(new VirtualFileSystemFactory(Files.createDirectories(root)));
        SftpSubsystemFactory sftp = new SftpSubsystemFactory.Builder().build();
        sftp.addSftpEventListener(new SftpEventListener() {
            @Override
            public void writing(ServerSession session, String remoteHandle, FileHandle localHandle, long offset, byte[] data,
                    int dataOffset, int dataLen) {
                if (writtenHandles.add(remoteHandle + "@" + System.identityHashCode(session))) {
                    log.add("write " + localHandle.getFile() + " from " + offset);
                }
            }
        });
        server.setSubsystemFactories(List.of(sftp));
        server.start();
        port = server.getPort();
        return this;
    }

    /** The key file of the next {@link #start}: another file, another host key on the same address. */
    public void useHostKey(Path file) {
        hostKey = file;
    }

    /** Lets a client log in with this key (besides the password). */
    public void authorize(PublicKey key) {
        authorizedKey = key;
    }

    /** Stops at once, dropping every session and transfer, as a server going down does. */
    public void stop() throws IOException {
        server.stop(true);
    }

    public int port() {
        return port;
    }

    public String url(String folder) {
        return "sftp://127.0.0.1:" + port + "/" + folder;
    }

    @Override
    public void close() throws IOException {
        if (server != null && server.isOpen()) server.stop(true);
    }
}
