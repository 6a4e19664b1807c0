package org.yike.driver.onvif.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yike.kit.driver.LiveStream;
import org.yike.media.MediaRuntime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A camera on loopback that answers with the recorded replies of real cameras shipped by the npm
 * package {@code onvif} 0.6.5 ({@code test/serverMockup}, installed by {@code ./yike deps}), chosen
 * as that package's own mock server chooses them: {@code <service>.<Action>.xml}, else
 * {@code <Action>.xml}. Where a password is set it checks each UsernameToken as its {@link Guard}
 * says. Its clock starts at the recorded camera's, 2014-12-24 19:14:37 UTC, and runs on; its
 * GetSystemDateAndTime answer tells it. Its WS-Discovery responder answers probes with the recorded
 * ProbeMatch. The stream URI it hands out is the recorded camera's path on a real RTSP server on
 * loopback (the kit's {@link LiveStream}, asking for the same password), so the stream opens.
 */
final class FixtureCamera implements AutoCloseable {

    static final Path FIXTURES = Path.of("onvif-fixtures/node_modules/onvif/test/serverMockup");
    static final String USER = "admin";
    /** How far a token's Created may be from the camera's clock: a few seconds, so that a token made in any other clock is refused. */
    private static final Duration LEEWAY = Duration.ofSeconds(5);
    private static final Instant RECORDED_CLOCK = Instant.parse("2014-12-24T19:14:37Z");
    private static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    private static final String TT = "http://www.onvif.org/ver10/schema";
    private static final Pattern SERVICE = Pattern.compile("http://www\\.onvif\\.org/ver\\d+/(\\w+)/wsdl");

    /** What the camera asks of each call's UsernameToken. */
    enum Guard {
        /** Nothing: every request is answered, as by the package's mock. */
        OPEN,
        /** A right digest, else HTTP 401; GetSystemDateAndTime is answered to anyone. */
        DIGEST,
        /**
         * As strict firmwares: the user, a right digest, a Created within {@link #LEEWAY} of the
         * camera's clock and a nonce not seen before, else the ONVIF fault {@code ter:NotAuthorized}
         * with HTTP 400; GetSystemDateAndTime is answered to anyone, as ONVIF says.
         */
        STRICT,
        /**
         * STRICT on GetSystemDateAndTime too, against ONVIF, as some firmwares are; such a camera's
         * clock must be right (it is ours here), or no client could sign that first call.
         */
        STRICT_CLOCK_TOO
    }

    /** A request as the camera received it: the action, the fixture that answered, the message and why it was refused (null: answered). */
    record Request(String action, String fixture, Document message, String refusal) {
        String text(String namespace, String localName) {
            return FixtureCamera.text(message, namespace, localName);
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private static MediaRuntime media;
    final LiveStream stream;
    private final HttpServer http;
    private final String password;
    private final Guard guard;
    private final Instant clockAtStart;
    private final long started = System.nanoTime();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();
    private DatagramSocket discovery;

    /** {@code password} null: every request is answered, as by the package's mock; else its digest is checked. */
    FixtureCamera(String password) throws IOException {
        this(password, password == null ? Guard.OPEN : Guard.DIGEST);
    }

    FixtureCamera(String password, Guard guard) throws IOException {
        if (!Files.isDirectory(FIXTURES)) {
            throw new IllegalStateException(FIXTURES.toAbsolutePath() + " is missing: run ./yike deps");
        }
        if ((password == null) != (guard == Guard.OPEN)) throw new IllegalArgumentException(guard + " with password " + password);
        this.password = password;
        this.guard = guard;
        this.clockAtStart = guard == Guard.STRICT_CLOCK_TOO ? Instant.now() : RECORDED_CLOCK;
        stream = LiveStream.rtsp(password == null ? null : USER, password, "/h264main");
        stream.start();
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", this::answer);
        http.start();
    }

    /** The bundled FFmpeg, loaded once for the test JVM. */
    static synchronized MediaRuntime media() throws IOException {
        if (media == null) media = MediaRuntime.outsideFramework();
        return media;
    }

    String deviceService() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/onvif/device_service";
    }

    /** The camera's clock: where it started, and run on since. */
    private Instant clock() {
        return clockAtStart.plusNanos(System.nanoTime() - started);
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
            String refusal = refusal(action, request);
            requests.add(new Request(action, fixture, request, refusal));
            String text;
            int status = 200;
            if (refusal == null) {
                text = expand(Files.readString(FIXTURES.resolve(fixture + ".xml")));
                if (action.equals("GetSystemDateAndTime")) text = withClock(text);
            } else if (guard == Guard.DIGEST) {
                text = expand(Files.readString(FIXTURES.resolve("Error.xml")));
                status = 401;
            } else {
                try (InputStream fault = FixtureCamera.class.getResourceAsStream("NotAuthorized.xml")) {
                    text = new String(fault.readAllBytes(), StandardCharsets.UTF_8);
                }
                status = 400;
            }
            byte[] reply = text.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/soap+xml;charset=UTF-8");
            exchange.sendResponseHeaders(status, reply.length);
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

    /**
     * Why the camera refuses the request's UsernameToken, or null where its {@link Guard} lets it
     * through. The digest is Base64(SHA-1(nonce + Created + password)), checked with its own password.
     */
    private String refusal(String action, Document request) throws Exception {
        if (guard == Guard.OPEN || (action.equals("GetSystemDateAndTime") && guard != Guard.STRICT_CLOCK_TOO)) return null;
        if (request.getElementsByTagNameNS(WSSE, "UsernameToken").getLength() == 0) return "no UsernameToken";
        String user = text(request, WSSE, "Username");
        String digest = text(request, WSSE, "Password");
        String nonce = text(request, WSSE, "Nonce");
        String created = text(request, WSU, "Created");
        if (digest == null || nonce == null || created == null) return "no digest, nonce or Created";
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(Base64.getDecoder().decode(nonce));
        sha1.update(created.getBytes(StandardCharsets.UTF_8));
        sha1.update(password.getBytes(StandardCharsets.UTF_8));
        if (!Base64.getEncoder().encodeToString(sha1.digest()).equals(digest)) return "a wrong digest";
        if (guard == Guard.DIGEST) return null;
        if (!USER.equals(user)) return "user " + user;
        Instant clock = clock();
        Instant at;
        try {
            at = Instant.parse(created);
        } catch (DateTimeParseException e) {
            return "Created " + created + " is no UTC time";
        }
        if (Duration.between(clock, at).abs().compareTo(LEEWAY) > 0) return "Created " + created + " is off its clock " + clock;
        if (!nonces.add(nonce)) return "nonce " + nonce + " used before";
        return null;
    }

    private static String text(Document d, String namespace, String localName) {
        Node n = d.getElementsByTagNameNS(namespace, localName).item(0);
        return n == null ? null : n.getTextContent().strip();
    }

    /** The recorded GetSystemDateAndTime answer with the camera's clock in place of the recorded time. */
    private String withClock(String recorded) throws Exception {
        Document d = parse(recorded.getBytes(StandardCharsets.UTF_8));
        ZonedDateTime now = clock().atZone(ZoneOffset.UTC);
        Map<String, Integer> fields = Map.of("Year", now.getYear(), "Month", now.getMonthValue(), "Day", now.getDayOfMonth(),
                "Hour", now.getHour(), "Minute", now.getMinute(), "Second", now.getSecond());
        fields.forEach((name, value) -> d.getElementsByTagNameNS(TT, name).item(0).setTextContent(Integer.toString(value)));
        StringWriter out = new StringWriter();
        TransformerFactory.newInstance().newTransformer().transform(new DOMSource(d), new StreamResult(out));
        return out.toString();
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
