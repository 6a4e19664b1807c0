package org.yike.connector.sftp.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.yike.api.connector.RemoteFolderChecks.bytes;
import static org.yike.api.connector.RemoteFolderChecks.put;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.connector.RemoteFolder;
import org.yike.api.connector.RemoteFolderChecks;
import org.yike.connector.sftp.fixture.LoopbackSftpServer;

/** The SFTP connector against Apache MINA SSHD's SFTP server on loopback. */
public class SftpFolderTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private LoopbackSftpServer server;
    private SftpConnector connector;
    private Path knownHosts;

    @Before
    public void start() throws Exception {
        server = new LoopbackSftpServer(tmp.newFolder("sftp").toPath(), tmp.getRoot().toPath().resolve("host-key-a")).start();
        knownHosts = tmp.getRoot().toPath().resolve("data/publish/sftp_known_hosts");
        connector = new SftpConnector(knownHosts);
    }

    @After
    public void stop() throws Exception {
        connector.close();
        server.close();
    }

    @Test
    public void aFileArrivesUnderItsChineseNameAndIsRenamedOverTheOldOne() throws Exception {
        RemoteFolderChecks.aFileArrivesUnderItsChineseNameAndIsRenamedOverTheOldOne(connector.open(target(RemoteFolderChecks.BASE)),
                server.root);
    }

    @Test
    public void anUploadCutAtHalfByTheServerGoingDownGoesOnFromWhatTheServerHas() throws Exception {
        byte[] whole = bytes(8_000_000, 3);
        String part = "录播/.lesson.mp4.part";
        RemoteFolder broken = connector.open(target(""));
        OutputStream out = broken.write(part, 0);
        out.write(whole, 0, whole.length / 2);
        server.stop();
        IOException cut = assertThrows(IOException.class, () -> {
            for (int at = whole.length / 2; at < whole.length; at += 65536) out.write(whole, at, Math.min(65536, whole.length - at));
            out.close();
        });
        try {
            broken.close();
        } catch (IOException alreadyGone) {
            cut.addSuppressed(alreadyGone);
        }
        server.start();
        long have;
        try (RemoteFolder f = connector.open(target(""))) {
            have = f.size(part);
            assertTrue("the server kept part of the first half: " + have, have > 0 && have <= whole.length / 2);
            try (OutputStream rest = f.write(part, have)) {
                rest.write(whole, (int) have, whole.length - (int) have);
            }
            f.rename(part, "录播/lesson.mp4");
        }
        assertTrue("the second transfer began at the server's size " + have + ": " + server.log,
                server.log.contains("write /录播/.lesson.mp4.part from " + have));
        assertArrayEquals(sha256(whole), sha256(Files.readAllBytes(server.root.resolve("录播/lesson.mp4"))));
    }

    @Test
    public void theHostKeyIsPinnedOnFirstUseAndAChangedOneIsRefused() throws Exception {
        try (RemoteFolder f = connector.open(target(""))) {
            put(f, "first.mp4", bytes(1000, 4));
        }
        assertEquals(1, Files.readAllLines(knownHosts).size());
        try (RemoteFolder f = connector.open(target(""))) {
            assertEquals("the pinned key is accepted again", 1000, f.size("first.mp4"));
        }
        // the same address with another key: a machine in the middle, or a reinstalled server
        server.stop();
        server.useHostKey(tmp.getRoot().toPath().resolve("host-key-b"));
        server.start();
        IOException e = assertThrows(IOException.class, () -> connector.open(target("")).close());
        assertTrue(e.getMessage(), e.getMessage().contains("the server's host key changed"));
        assertTrue(e.getMessage(), e.getMessage().contains(knownHosts.toString()));
        assertFalse(e.getMessage(), e.getMessage().contains(LoopbackSftpServer.PASSWORD));
        assertEquals("the pin is not replaced", 1, Files.readAllLines(knownHosts).size());
    }

    @Test
    public void aPrivateKeyLogsIn() throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        server.authorize(key.getPublic());
        Map<String, Object> t = target("");
        t.remove("password");
        t.put("privateKey", "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        try (RemoteFolder f = connector.open(t)) {
            put(f, "key.mp4", bytes(5000, 5));
        }
        assertEquals(5000, Files.size(server.root.resolve("key.mp4")));
    }

    @Test
    public void aWrongPasswordIsSaidWithoutThePassword() {
        Map<String, Object> t = target("");
        t.put("password", "wrong-pw-123");
        IOException e = assertThrows(IOException.class, () -> connector.open(t).close());
        assertTrue(e.getMessage(), e.getMessage().contains("user teacher was refused"));
        assertFalse(e.getMessage().contains("wrong-pw-123"));
    }

    @Test
    public void aPasswordInTheUrlIsRefused() {
        Map<String, Object> t = target("");
        t.put("url", "sftp://teacher:pw@127.0.0.1:22/");
        assertThrows(IllegalArgumentException.class, () -> connector.open(t));
    }

    private Map<String, Object> target(String folder) {
        Map<String, Object> t = new HashMap<>();
        t.put("url", server.url(folder));
        t.put("user", LoopbackSftpServer.USER);
        t.put("password", LoopbackSftpServer.PASSWORD);
        t.put("timeoutSeconds", 10);
        return t;
    }

    private static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }
}
