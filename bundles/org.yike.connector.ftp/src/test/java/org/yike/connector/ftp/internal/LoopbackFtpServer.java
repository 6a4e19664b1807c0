package org.yike.connector.ftp.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * Apache FtpServer on loopback, one user whose home is {@code root}, plain or with explicit or
 * implicit TLS, logging every command it receives (less the password) as its log.
 */
public final class LoopbackFtpServer implements AutoCloseable {

    public static final String USER = "teacher";
    public static final String PASSWORD = "s3cret-pw";
    private static final String STORE_PASSWORD = "changeit";

    public final Path root;
    public final List<String> log = new CopyOnWriteArrayList<>();
    private final List<FtpSession> sessions = new CopyOnWriteArrayList<>();
    private final String tls;
    private final Path keystore;
    private int port;
    private FtpServer server;

    /** {@code tls}: none, explicit or implicit; {@code keystore}: where a TLS server keeps its key (made once). */
    public LoopbackFtpServer(Path root, String tls, Path keystore) {
        this.root = root;
        this.tls = tls;
        this.keystore = keystore;
    }

    public LoopbackFtpServer start() throws Exception {
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        if (!tls.equals("none")) {
            SslConfigurationFactory ssl = new SslConfigurationFactory();
            ssl.setKeystoreFile(keystore().toFile());
            ssl.setKeystorePassword(STORE_PASSWORD);
            listener.setSslConfiguration(ssl.createSslConfiguration());
            listener.setImplicitSsl(tls.equals("implicit"));
        }
        FtpServerFactory factory = new FtpServerFactory();
        factory.addListener("default", listener.createListener());
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setFile(null);
        factory.setUserManager(users.createUserManager());
        BaseUser user = new BaseUser();
        user.setName(USER);
        user.setPassword(PASSWORD);
        user.setHomeDirectory(Files.createDirectories(root).toString());
        user.setAuthorities(List.of(new WritePermission()));
        factory.getUserManager().save(user);
        factory.getFtplets().put("log", new DefaultFtplet() {
            @Override
            public FtpletResult onConnect(FtpSession session) throws FtpException, IOException {
                sessions.add(session);
                return super.onConnect(session);
            }

            @Override
            public FtpletResult onDisconnect(FtpSession session) throws FtpException, IOException {
                sessions.remove(session);
                return super.onDisconnect(session);
            }

            @Override
            public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException, IOException {
                log.add(request.getCommand().equals("PASS") ? "PASS ***" : request.getRequestLine());
                return super.beforeCommand(session, request);
            }
        });
        server = factory.createServer();
        server.start();
        port = factory.getListener("default").getPort();
        return this;
    }

    /** Stops listening and drops every session and transfer, as a server going down does. */
    public void stop() {
        // FtpServer's stop closes the control connections only; a dying server's transfers break too
        for (FtpSession s : sessions) s.getDataConnection().closeDataConnection();
        server.stop();
    }

    public int port() {
        return port;
    }

    public String url(String folder) {
        return (tls.equals("implicit") ? "ftps" : "ftp") + "://127.0.0.1:" + port + "/" + folder;
    }

    /** The SHA-256 of the server's certificate, as a target pins it. */
    public String certificateSha256() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore())) {
            ks.load(in, STORE_PASSWORD.toCharArray());
        }
        byte[] der = ks.getCertificate(ks.aliases().nextElement()).getEncoded();
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }

    /** A self-signed key for localhost, made by the JDK's keytool where there is none yet. */
    private Path keystore() throws Exception {
        if (Files.exists(keystore)) return keystore;
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "ftp", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass",
                STORE_PASSWORD).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("keytool: " + out);
        return keystore;
    }

    @Override
    public void close() {
        if (server != null && !server.isStopped()) server.stop();
    }
}
