package org.yike.itests;

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
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An ONVIF camera on loopback made of the recorded replies of real cameras that the npm package
 * {@code onvif} 0.6.5 ships ({@code test/serverMockup}, installed by {@code ./yike deps}), answered
 * as that package's mock server answers: SOAP requests by {@code <service>.<Action>.xml}, else
 * {@code <Action>.xml}, and WS-Discovery probes, on a loopback UDP port, with its recorded ProbeMatch.
 * The stream URIs it hands out lead to {@code streams} (a real RTSP server) instead of the recorded camera.
 */
final class OnvifFixtures implements AutoCloseable {

    private static final Pattern SERVICE = Pattern.compile("http://www\\.onvif\\.org/ver\\d+/(\\w+)/wsdl");
    private static final String ADDRESSING = "http://schemas.xmlsoap.org/ws/2004/08/addressing";

    private final Path replies = Path.of(System.getProperty("yike.onvif.fixtures"));
    private final String streams;
    private final HttpServer http;
    private final DatagramSocket discovery;

    /** {@code streams}: where the recorded camera's {@code rtsp://192.168.68.111/} paths are served, e.g. {@code rtsp://127.0.0.1:8554/}. */
    OnvifFixtures(String streams) throws IOException {
        this.streams = streams;
        if (!Files.isRegularFile(replies.resolve("Probe.xml"))) {
            throw new IllegalStateException(replies + " is missing: ./yike deps installs the recorded ONVIF replies");
        }
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/", this::answer);
        http.start();
        discovery = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread responder = new Thread(this::answerProbes, "onvif-discovery");
        responder.setDaemon(true);
        responder.start();
    }

    /** The camera's device service, as its ProbeMatch gives it. */
    String deviceService() {
        return "http://127.0.0.1:" + http.getAddress().getPort() + "/onvif/device_service";
    }

    /** Where WS-Discovery probes are answered. */
    int discoveryPort() {
        return discovery.getLocalPort();
    }

    private void answerProbes() {
        byte[] buffer = new byte[65_507];
        while (!discovery.isClosed()) {
            try {
                DatagramPacket probe = new DatagramPacket(buffer, buffer.length);
                discovery.receive(probe);
                Document message = parse(Arrays.copyOf(probe.getData(), probe.getLength()));
                String id = message.getElementsByTagNameNS(ADDRESSING, "MessageID").item(0).getTextContent();
                byte[] match = Files.readString(replies.resolve("Probe.xml")).replace("RELATES_TO", id)
                        .replace("SERVICE_URI", deviceService()).getBytes(StandardCharsets.UTF_8);
                discovery.send(new DatagramPacket(match, match.length, probe.getSocketAddress()));
            } catch (Exception e) {
                return;
            }
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            Document request = parse(exchange.getRequestBody().readAllBytes());
            Node body = request.getElementsByTagNameNS("http://www.w3.org/2003/05/soap-envelope", "Body").item(0);
            Element action = firstElement(body);
            Matcher service = SERVICE.matcher(action.getNamespaceURI());
            String name = action.getLocalName();
            String fixture = service.matches() && Files.exists(replies.resolve(service.group(1) + "." + name + ".xml"))
                    ? service.group(1) + "." + name : Files.exists(replies.resolve(name + ".xml")) ? name : "Error";
            byte[] reply = expand(Files.readString(replies.resolve(fixture + ".xml"))).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/soap+xml;charset=UTF-8");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        } catch (Exception e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    /** The replies are doT templates: the mock fills in its address and the time; every optional part is kept. */
    private String expand(String template) {
        return template.replace("rtsp://192.168.68.111/", streams).replace("{{=it.hostname}}", "127.0.0.1")
                .replace("{{=it.port}}", Integer.toString(http.getAddress().getPort()))
                .replace("{{=it.pullPointUrl}}", "/onvif/subscription?Idx=6")
                .replaceAll("\\{\\{=new Date\\([^}]*\\)\\.toISOString\\(\\)\\}\\}", Instant.now().toString())
                .replaceAll("\\{\\{\\?[^}]*\\}\\}", "");
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
        discovery.close();
    }
}
