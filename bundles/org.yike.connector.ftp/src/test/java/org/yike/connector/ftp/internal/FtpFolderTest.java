package org.yike.connector.ftp.internal;

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
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.connector.RemoteFolder;
import org.yike.api.connector.RemoteFolderChecks;
import org.yike.connector.ftp.fixture.LoopbackFtpServer;

/** The FTP connector against Apache FtpServer on loopback: plain FTP, explicit and implicit FTPS. */
public class FtpFolderTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private LoopbackFtpServer server;

    @After
    public void stopServer() {
        if (server != null) server.close();
    }

    @Test
    public void aFileArrivesUnderItsChineseNameAndIsRenamedOverTheOldOne() throws Exception {
        server = new LoopbackFtpServer(tmp.newFolder("ftp").toPath(), "none", keystore()).start();
        RemoteFolderChecks.aFileArrivesUnderItsChineseNameAndIsRenamedOverTheOldOne(
                new FtpConnector().open(target("none", RemoteFolderChecks.BASE)), server.root);
        assertTrue("the client asked for UTF-8 names: " + server.log, server.log.contains("OPTS UTF8 ON"));
    }

    @Test
    public void aTransferGoesOnFromTheOffsetTheServerHas() throws Exception {
        server = new LoopbackFtpServer(tmp.newFolder("ftp").toPath(), "none", keystore()).start();
        byte[] whole = bytes(1_000_000, 3);
        try (RemoteFolder f = new FtpConnector().open(target("none", ""))) {
            put(f, "lesson.mp4", Arrays.copyOf(whole, 400_000));
            long have = f.size("lesson.mp4");
            assertEquals(400_000, have);
            try (OutputStream out = f.write("lesson.mp4", have)) {
                out.write(whole, (int) have, whole.length - (int) have);
            }
        }
        assertArrayEquals(whole, Files.readAllBytes(server.root.resolve("lesson.mp4")));
        assertTrue("REST then STOR: " + server.log, server.log.contains("REST 400000"));
    }

    @Test
    public void explicitTlsWithThePinnedCertificate() throws Exception {
        chineseNameOverTls("explicit");
    }

    @Test
    public void implicitTlsWithThePinnedCertificate() throws Exception {
        chineseNameOverTls("implicit");
    }

    private void chineseNameOverTls(String tls) throws Exception {
        server = new LoopbackFtpServer(tmp.newFolder("ftp").toPath(), tls, keystore()).start();
        Map<String, Object> target = target(tls, "录播");
        target.put("certificateSha256", server.certificateSha256());
        byte[] content = bytes(100_000, 4);
        try (RemoteFolder f = new FtpConnector().open(target)) {
            put(f, "语文课.mp4", content);
        }
        assertArrayEquals(content, Files.readAllBytes(server.root.resolve("录播/语文课.mp4")));
        assertTrue(server.log.contains("PROT P"));
    }

    @Test
    public void anotherCertificateIsRefused() throws Exception {
        server = new LoopbackFtpServer(tmp.newFolder("ftp").toPath(), "explicit", keystore()).start();
        Map<String, Object> target = target("explicit", "");
        target.put("certificateSha256", "00".repeat(32));
        IOException e = assertThrows(IOException.class, () -> new FtpConnector().open(target).close());
        assertFalse(server.log.toString(), server.log.contains("USER " + LoopbackFtpServer.USER));
        assertTrue(e.getMessage(), e.getMessage().startsWith("ftps://127.0.0.1:" + server.port()));
    }

    @Test
    public void aWrongPasswordIsSaidWithoutThePassword() throws Exception {
        server = new LoopbackFtpServer(tmp.newFolder("ftp").toPath(), "none", keystore()).start();
        Map<String, Object> target = target("none", "");
        target.put("password", "wrong-pw-123");
        IOException e = assertThrows(IOException.class, () -> new FtpConnector().open(target).close());
        assertTrue(e.getMessage(), e.getMessage().contains("user teacher was refused"));
        assertFalse(e.getMessage().contains("wrong-pw-123"));
    }

    @Test
    public void aPasswordInTheUrlIsRefused() {
        Map<String, Object> target = target("none", "");
        target.put("url", "ftp://teacher:pw@127.0.0.1:21/");
        assertThrows(IllegalArgumentException.class, () -> new FtpConnector().open(target));
    }

    private Map<String, Object> target(String tls, String folder) {
        Map<String, Object> t = new HashMap<>();
        t.put("url", server == null ? "ftp://127.0.0.1:21/" : server.url(folder));
        t.put("user", LoopbackFtpServer.USER);
        t.put("password", LoopbackFtpServer.PASSWORD);
        t.put("tls", tls);
        t.put("timeoutSeconds", 10);
        return t;
    }

    private Path keystore() {
        return tmp.getRoot().toPath().resolve("server.p12");
    }

}
