package org.yike.driver.hikvision.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yike.kit.driver.LiveStream;
import org.yike.media.MediaRuntime;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpServer;

/**
 * A Hikvision camera's ISAPI on loopback (the JDK's HTTP server): digest authentication (RFC 7616,
 * MD5, qop=auth) as the cameras ask for it, the recorded replies under {@code /isapi}, and an
 * alertStream that stays open and sends each part the test hands it. Its channel 1's main and sub
 * streams are a live picture on a real RTSP server on loopback (the kit's {@link LiveStream}), behind
 * the same user and password.
 */
final class FakeIsapiCamera implements AutoCloseable {

    static final String USER = "admin";
    static final String PASSWORD = "Pa:ss@w0rd/x";
    /** Ends the current alertStream response. */
    static final String END = "";

    /** Each request as {@code METHOD path body}, after authentication. */
    final List<String> requests = new CopyOnWriteArrayList<>();
    final BlockingQueue<String> alerts = new LinkedBlockingQueue<>();
    final AtomicInteger unauthorized = new AtomicInteger();
    final AtomicInteger alertStreams = new AtomicInteger();
    private static MediaRuntime media;
    final LiveStream stream;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    FakeIsapiCamera() throws IOException {
        stream = LiveStream.rtsp(USER, PASSWORD, "/Streaming/Channels/101", "/Streaming/Channels/102");
        stream.start();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        Digest digest = new Digest();
        server.createContext("/ISAPI/System/deviceInfo", x -> reply(x, "deviceInfo.xml")).setAuthenticator(digest);
        server.createContext("/ISAPI/PTZCtrl/channels/1/presets", x -> reply(x, x.getRequestMethod().equals("GET") ? "presets.xml" : null))
                .setAuthenticator(digest);
        server.createContext("/ISAPI/PTZCtrl/channels/1/continuous", x -> reply(x, null)).setAuthenticator(digest);
        server.createContext("/ISAPI/Event/notification/alertStream", this::alertStream).setAuthenticator(digest);
        server.start();
    }

    /** The bundled FFmpeg, loaded once for the test JVM. */
    static synchronized MediaRuntime media() throws IOException {
        if (media == null) media = MediaRuntime.outsideFramework();
        return media;
    }

    int port() {
        return server.getAddress().getPort();
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = FakeIsapiCamera.class.getResourceAsStream("/isapi/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void reply(HttpExchange x, String fixture) throws IOException {
        record(x);
        byte[] body = fixture == null ? fixture("responseStatus.xml").getBytes(StandardCharsets.UTF_8)
                : fixture(fixture).getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/xml; charset=\"UTF-8\"");
        x.sendResponseHeaders(200, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    /** As the cameras frame it: each message starts with the delimiter and holds its Content-Length; nothing follows until the next. */
    private void alertStream(HttpExchange x) throws IOException {
        record(x);
        alertStreams.incrementAndGet();
        x.getResponseHeaders().add("Content-Type", "multipart/mixed; boundary=boundary");
        x.sendResponseHeaders(200, 0);
        try (OutputStream out = x.getResponseBody()) {
            for (String part = alerts.take(); !part.equals(END); part = alerts.take()) {
                byte[] xml = part.getBytes(StandardCharsets.UTF_8);
                out.write(("--boundary\r\nContent-Type: application/xml; charset=\"UTF-8\"\r\nContent-Length: " + xml.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(xml);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(x.getRequestMethod() + " " + x.getRequestURI().getPath() + (body.isEmpty() ? "" : " " + body));
    }

    @Override
    public void close() {
        alerts.add(END);
        server.stop(0);
        threads.shutdownNow();
        stream.close();
    }

    private final class Digest extends Authenticator {

        private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");
        private static final String REALM = "IP Camera(E1234)";
        private final String nonce = md5(Long.toString(System.nanoTime()));

        @Override
        public Result authenticate(HttpExchange x) {
            String h = x.getRequestHeaders().getFirst("Authorization");
            if (h != null && h.startsWith("Digest ")) {
                Map<String, String> p = new HashMap<>();
                Matcher m = PARAM.matcher(h.substring(7));
                while (m.find()) p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
                String ha1 = md5(USER + ":" + REALM + ":" + PASSWORD);
                String ha2 = md5(x.getRequestMethod() + ":" + p.get("uri"));
                String expected = md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":" + p.get("qop") + ":" + ha2);
                if (USER.equals(p.get("username")) && nonce.equals(p.get("nonce")) && expected.equals(p.get("response"))) {
                    return new Success(new HttpPrincipal(USER, REALM));
                }
            }
            if (h != null) unauthorized.incrementAndGet();
            x.getResponseHeaders().add("WWW-Authenticate", "Digest qop=\"auth\", realm=\"" + REALM + "\", nonce=\"" + nonce + "\", stale=\"FALSE\"");
            return new Retry(401);
        }
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
