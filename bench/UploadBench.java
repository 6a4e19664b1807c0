import java.io.OutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;

import org.yike.api.connector.FileServerConnector;
import org.yike.api.connector.RemoteFolder;
import org.yike.connector.ftp.fixture.LoopbackFtpServer;
import org.yike.connector.sftp.fixture.LoopbackSftpServer;

/**
 * The two halves of bench/upload-throughput.sh, run as a single-file program:
 * {@code servers DIR} starts the tests' loopback servers (Apache FtpServer, MINA SSHD with SFTP),
 * makes the client key DIR/client-key.pem, prints "ready FTP_PORT SFTP_PORT" and serves until its
 * standard input closes; {@code upload ftp|sftp PORT FILE KEY N} sends FILE N times through Yike's
 * connector as the publishing queue does (open, write from offset 0, close, rename) and prints
 * each transfer's seconds.
 */
public class UploadBench {

    public static void main(String[] args) throws Exception {
        if (args[0].equals("servers")) {
            serve(Path.of(args[1]));
        } else {
            upload(args[1], Integer.parseInt(args[2]), Path.of(args[3]), Path.of(args[4]), Integer.parseInt(args[5]));
        }
    }

    static void serve(Path dir) throws Exception {
        LoopbackFtpServer ftp = new LoopbackFtpServer(dir.resolve("ftp"), "none", dir.resolve("ftp.p12")).start();
        LoopbackSftpServer sftp = new LoopbackSftpServer(dir.resolve("sftp"), dir.resolve("host-key")).start();
        KeyPair key = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        sftp.authorize(key.getPublic());
        Path pem = dir.resolve("client-key.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(pem, PosixFilePermissions.fromString("rw-------"));
        System.out.println("ready " + ftp.port() + " " + sftp.port());
        System.in.transferTo(OutputStream.nullOutputStream());
        ftp.close();
        sftp.close();
    }

    static void upload(String type, int port, Path file, Path key, int n) throws Exception {
        FileServerConnector connector = type.equals("ftp") ? LoopbackFtpServer.connector()
                : LoopbackSftpServer.connector(key.resolveSibling("known_hosts"));
        Map<String, Object> target = type.equals("ftp")
                ? Map.of("url", "ftp://127.0.0.1:" + port + "/", "user", LoopbackFtpServer.USER, "password", LoopbackFtpServer.PASSWORD)
                : Map.of("url", "sftp://127.0.0.1:" + port + "/", "user", LoopbackSftpServer.USER, "privateKey",
                        Files.readString(key, StandardCharsets.US_ASCII));
        for (int i = 1; i <= n; i++) {
            long t0 = System.nanoTime();
            try (RemoteFolder folder = connector.open(target)) {
                try (InputStream in = Files.newInputStream(file); OutputStream out = folder.write(".yike-" + i + ".bin.part", 0)) {
                    in.transferTo(out);
                }
                folder.rename(".yike-" + i + ".bin.part", "yike-" + i + ".bin");
            }
            System.out.printf("%.3f%n", (System.nanoTime() - t0) / 1e9);
        }
        System.exit(0); // the SFTP connector's client threads are not daemons
    }
}
