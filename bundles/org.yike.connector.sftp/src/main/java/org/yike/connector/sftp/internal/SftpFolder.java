package org.yike.connector.sftp.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.future.ConnectFuture;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.client.impl.AbstractSftpClient;
import org.apache.sshd.sftp.client.impl.SftpOutputStreamAsync;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.yike.api.connector.RemoteFolder;

/** A logged-in SFTP session in the target's base folder. */
final class SftpFolder implements RemoteFolder {

    private final ClientSession session;
    private final SftpClient sftp;
    private final SftpSettings settings;
    /** The base folder with a trailing slash: absolute, or under the login folder for {@code ~/}. */
    private final String base;
    private final Set<String> madeFolders = new HashSet<>();

    private SftpFolder(ClientSession session, SftpClient sftp, SftpSettings settings) {
        this.session = session;
        this.sftp = sftp;
        this.settings = settings;
        this.base = settings.base().isEmpty() ? "" : settings.base().startsWith("~/")
                ? settings.base().substring(2) + "/" : "/" + settings.base() + "/";
    }

    static SftpFolder open(SshClient client, SftpSettings s) throws IOException {
        ClientSession session = null;
        try {
            ConnectFuture connecting = client.connect(s.user(), s.host(), s.port());
            if (!connecting.await(s.timeout())) throw new IOException("no connection within " + s.timeout().toSeconds() + " s");
            session = connecting.getSession();
            if (!s.password().isEmpty()) session.addPasswordIdentity(s.password());
            if (!s.privateKey().isEmpty()) {
                for (KeyPair key : privateKey(session, s)) session.addPublicKeyIdentity(key);
            }
            try {
                session.auth().verify(s.timeout());
            } catch (IOException e) {
                String refusal = session.getAttribute(PinnedHostKeys.REFUSAL);
                if (refusal != null) throw new IOException(refusal);
                if (!session.isOpen()) throw e;
                throw new IOException("user " + s.user() + " was refused (" + (s.privateKey().isEmpty() ? "password" : "key")
                        + ")");
            }
            SftpFolder folder = new SftpFolder(session, SftpClientFactory.instance().createSftpClient(session), s);
            if (!folder.base.isEmpty()) folder.makeFolders(folder.base);
            return folder;
        } catch (IOException | RuntimeException e) {
            if (session != null) session.close(true);
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            throw new IOException(s + ": " + why, e);
        }
    }

    private static Iterable<KeyPair> privateKey(ClientSession session, SftpSettings s) throws IOException {
        try {
            Iterable<KeyPair> keys = SecurityUtils.loadKeyPairIdentities(session, NamedResource.ofName("privateKey"),
                    new ByteArrayInputStream(s.privateKey().getBytes(StandardCharsets.UTF_8)),
                    FilePasswordProvider.of(s.passphrase()));
            if (keys == null) throw new IllegalArgumentException("privateKey holds no key");
            return keys;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("privateKey cannot be read (an OpenSSH or PEM private key, with its passphrase): "
                    + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public long size(String path) throws IOException {
        try {
            return sftp.stat(base + path).getSize();
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) return -1;
            throw refused("the size of " + path, e);
        }
    }

    @Override
    public OutputStream write(String path, long offset) throws IOException {
        makeFolders(base + path);
        EnumSet<OpenMode> modes = offset > 0 ? EnumSet.of(OpenMode.Write, OpenMode.Create)
                : EnumSet.of(OpenMode.Write, OpenMode.Create, OpenMode.Truncate);
        try {
            // writes at explicit offsets, several in flight, each as large as the channel's packets allow:
            // a resumed file goes on at the byte the server has
            SftpOutputStreamAsync out = ((AbstractSftpClient) sftp).write(base + path, 0, modes);
            out.setOffset(offset);
            return out;
        } catch (SftpException e) {
            throw refused("writing " + path + (offset > 0 ? " from byte " + offset : ""), e);
        }
    }

    @Override
    public void rename(String from, String to) throws IOException {
        OpenSSHPosixRenameExtension posix = sftp.getExtension(OpenSSHPosixRenameExtension.class);
        try {
            if (posix.isSupported()) {
                posix.posixRename(base + from, base + to); // replaces in one step, as rename(2) does
            } else {
                // SFTP v3 renames refuse an existing target: the old file goes first
                if (size(to) >= 0) sftp.remove(base + to);
                sftp.rename(base + from, base + to);
            }
        } catch (SftpException e) {
            throw refused("renaming " + from + " to " + to, e);
        }
    }

    @Override
    public void delete(String path) throws IOException {
        try {
            sftp.remove(base + path);
        } catch (SftpException e) {
            if (e.getStatus() != SftpConstants.SSH_FX_NO_SUCH_FILE) throw refused("deleting " + path, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            sftp.close();
        } finally {
            session.close(false);
        }
    }

    /** Each folder of {@code path} (the part before its last slash), made where missing. */
    private void makeFolders(String path) throws IOException {
        int slash = 0;
        while ((slash = path.indexOf('/', slash + 1)) > 0) {
            String folder = path.substring(0, slash);
            if (!madeFolders.add(folder)) continue;
            try {
                sftp.mkdir(folder);
            } catch (SftpException e) {
                // SFTP v3 says only "failure" where the folder exists already
                try {
                    if (sftp.stat(folder).isDirectory()) continue;
                } catch (SftpException missing) {
                    e.addSuppressed(missing);
                }
                throw refused("making folder " + folder, e);
            }
        }
    }

    private IOException refused(String what, SftpException e) {
        return new IOException(settings + ": " + what + " was refused (" + SftpConstants.getStatusName(e.getStatus())
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
    }
}
