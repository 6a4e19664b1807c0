package org.yike.driver.onvif.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yike.kit.driver.LiveStream;
import org.yike.media.MediaRuntime;
import org.yike.media.internal.FfmpegRuntime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A camera on loopback that answers with the recorded replies of real cameras shipped by the npm
 * package {@code onvif} 0.6.5 ({@code test/serverMockup}, installed by {@code ./yike deps}), chosen
 * as that package's own mock server chooses them: {@code <service>.<Action>.xml}, else
 * {@code <Action>.xml}. Where a password is set it checks each UsernameToken as a camera does and
 * answers 401 to a wrong one. Its WS-Discovery responder answers probes with the recorded ProbeMatch.
 * The stream URI it hands out is the recorded camera's path on a real RTSP server on loopback (the
 * kit's {@link LiveStream}, asking for the same password), so the stream opens.
 */
final class FixtureCamera implements AutoCloseable {

    static final Path FIXTURES = Path.of("onvif-fixtures/node_modules/onvif/test/serverMockup");
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final Pattern SERVICE = Pattern.compile("http://www\\.onvif\\.org/ver\\d+/(\\w+)/wsdl");

    /** A request as the camera received it: the action, the fixture that answered and the message. */
    record Request(String action, String fixture, Document message) {
        String text(String namespace, String localName) {
            Node n = message.getElementsByTagNameNS(namespace, localName).item(0);
            return n == null ? null : n.getTextContent().strip();
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private static MediaRuntime media;
    final LiveStream stream;
    private final HttpServer http;
    private final String password;
    private DatagramSocket discovery;

    /** {@code password} null: every request is answered, as by the package's mock. */
    FixtureCamera(String password) throws IOException {
        if (!Files.isDirectory(FIXTURES)) {
            throw new IllegalStateException(FIXTURES.toAbsolutePath() + " is missing: run ./yike deps");
        }
        this.password = password;
        stream = LiveStream.rtsp(password == null ? null : "admin", password, "/h264main");
        stream.start();
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", this::answer);
        http.start();
    }

    /** The bundled FFmpeg, loaded once for the test JVM. */
    static synchronized MediaRuntime media() throws IOException {
        if (media == null) media = new FfmpegRuntime();
        return media;
    }

    String deviceService() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/onvif/device_service";
    }

    Request last(String action) {
        for (int i = requests.size() - 1; i >= 0; i--) {
            if (requests.get(i).action().equals(action)) return requests.get(i);
        }
        return null;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Document request = parse(exchange.getRequestBody().readAllBytes());
            Element body = firstElement(request.getDocumentElement().getElementsByTagNameNS(
                    "http://www.w3.org/2003/05/soap-envelope", "Body").item(0));
            String action = body.getLocalName();
            Matcher service = SERVICE.matcher(body.getNamespaceURI());
            String fixture = service.matches() && Files.exists(FIXTURES.resolve(service.group(1) + "." + action + ".xml"))
                    ? service.group(1) + "." + action
                    : Files.exists(FIXTURES.resolve(action + ".xml")) ? action : "Error";
            requests.add(new Request(action, fixture, request));
            boolean refused = password != null && !action.equals("GetSystemDateAndTime") && !signedWith(request, password);
            byte[] reply = expand(Files.readString(FIXTURES.resolve((refused ? "Error" : fixture) + ".xml")))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/soap+xml;charset=UTF-8");
            exchange.sendResponseHeaders(refused ? 401 : 200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    /** The fixtures are doT templates: the package's mock fills in its address and the time; every optional part is kept. */
    private String expand(String template) {
        return template.replace("rtsp://192.168.68.111/", "rtsp://127.0.0.1:" + stream.port() + "/")
                .replace("{{=it.hostname}}", "127.0.0.1")
                .replace("{{=it.port}}", Integer.toString(http.getAddress().getPort()))
                .replace("{{=it.pullPointUrl}}", "/onvif/subscription?Idx=6")
                .replaceAll("\\{\\{=new Date\\([^}]*\\)\\.toISOString\\(\\)\\}\\}", Instant.now().toString())
                .replaceAll("\\{\\{\\?[^}]*\\}\\}", "");
    }

    /** The WS-Security check a camera makes: the digest of the token's nonce and created time with its own password. */
    private static boolean signedWith(Document request, String password) throws Exception {
        Node digest = request.getElementsByTagNameNS(WSSE, "Password").item(0);
        Node nonce = request.getElementsByTagNameNS(WSSE, "Nonce").item(0);
        Node created = request.getElementsByTagNameNS(WSU, "Created").item(0);
        if (digest == null || nonce == null || created == null) return false;
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(Base64.getDecoder().decode(nonce.getTextContent().strip()));
        sha1.update(created.getTextContent().strip().getBytes(StandardCharsets.UTF_8));
        sha1.update(password.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(sha1.digest()).equals(digest.getTextContent().strip());
    }

    /** Answers WS-Discovery probes on a loopback UDP port as the package's mock does: garbage first, then the recorded ProbeMatch. */
    InetSocketAddress startDiscovery() throws IOException {
        discovery = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread responder = new Thread(() -> {
            byte[] buffer = new byte[65_507];
            while (!discovery.isClosed()) {
                try {
                    DatagramPacket probe = new DatagramPacket(buffer, buffer.length);
                    discovery.receive(probe);
                    Document message = parse(java.util.Arrays.copyOf(probe.getData(), probe.getLength()));
                    String id = message.getElementsByTagNameNS("http://schemas.xmlsoap.org/ws/2004/08/addressing",
                            "MessageID").item(0).getTextContent();
                    byte[] lollipop = "lollipop".getBytes(StandardCharsets.US_ASCII);
                    discovery.send(new DatagramPacket(lollipop, lollipop.length, probe.getSocketAddress()));
                    byte[] match = Files.readString(FIXTURES.resolve("Probe.xml")).replace("RELATES_TO", id)
                            .replace("SERVICE_URI", deviceService()).getBytes(StandardCharsets.UTF_8);
                    discovery.send(new DatagramPacket(match, match.length, probe.getSocketAddress()));
                } catch (Exception e) {
                    return;
                }
            }
        }, "fixture-discovery");
        responder.setDaemon(true);
        responder.start();
        return (InetSocketAddress) discovery.getLocalSocketAddress();
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static Element firstElement(Node parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) return e;
        }
        throw new IllegalArgumentException("an empty SOAP Body");
    }

    @Override
    public void close() {
        http.stop(0);
        stream.close();
        if (discovery != null) discovery.close();
    }
}
