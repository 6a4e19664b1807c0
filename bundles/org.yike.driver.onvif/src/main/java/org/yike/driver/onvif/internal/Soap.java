package org.yike.driver.onvif.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * SOAP 1.2 over HTTP with the JDK's DOM, XPath and HTTP client: requests are built as DOM
 * documents, answers read with namespace-aware XPath. Signed calls carry a WS-Security
 * UsernameToken whose Created time is the camera's clock, not ours.
 */
final class Soap {

    /** The prefixes the XPath expressions of this bundle use. */
    static final Map<String, String> NS = Map.ofEntries(
            Map.entry("s", "http://www.w3.org/2003/05/soap-envelope"),
            Map.entry("tt", "http://www.onvif.org/ver10/schema"),
            Map.entry("tds", "http://www.onvif.org/ver10/device/wsdl"),
            Map.entry("trt", "http://www.onvif.org/ver10/media/wsdl"),
            Map.entry("tptz", "http://www.onvif.org/ver20/ptz/wsdl"),
            Map.entry("tev", "http://www.onvif.org/ver10/events/wsdl"),
            Map.entry("wsnt", "http://docs.oasis-open.org/wsn/b-2"),
            Map.entry("wsa", "http://www.w3.org/2005/08/addressing"),
            Map.entry("wsse", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"),
            Map.entry("wsu", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"),
            // WS-Discovery (2005/04, what ONVIF devices answer) and the WS-Addressing it is built on
            Map.entry("d", "http://schemas.xmlsoap.org/ws/2005/04/discovery"),
            Map.entry("a", "http://schemas.xmlsoap.org/ws/2004/08/addressing"));
    private static final String DIGEST_TYPE =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest";
    private static final SecureRandom NONCES = new SecureRandom();

    /** A call the camera refused or did not answer, said in words without the password. */
    static class Failure extends IOException {
        Failure(String message) {
            super(message);
        }
    }

    /** A call the camera refused for its credentials: none, or ones it does not accept. */
    static final class Refused extends Failure {
        Refused(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final Duration timeout;
    private final String user;
    private final String password;
    /** The camera's clock minus ours; UsernameTokens older than a few seconds in its time are refused. */
    private volatile Duration clockOffset = Duration.ZERO;

    Soap(String user, String password, Duration timeout) {
        this.user = user == null ? "" : user;
        this.password = password == null ? "" : password;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    void clockOffset(Duration offset) {
        clockOffset = offset;
    }

    Duration clockOffset() {
        return clockOffset;
    }

    /** An empty request whose Body holds the element {@code prefix:name}, which is returned to be filled. */
    static Element request(String prefix, String name) {
        Document d = builder().newDocument();
        Element envelope = d.createElementNS(NS.get("s"), "s:Envelope");
        d.appendChild(envelope);
        envelope.appendChild(d.createElementNS(NS.get("s"), "s:Header"));
        Element body = d.createElementNS(NS.get("s"), "s:Body");
        envelope.appendChild(body);
        return (Element) body.appendChild(d.createElementNS(NS.get(prefix), prefix + ":" + name));
    }

    /** Adds {@code prefix:name} (with {@code text}, if not null) to {@code parent}. */
    static Element add(Element parent, String prefix, String name, String text) {
        Element e = parent.getOwnerDocument().createElementNS(NS.get(prefix), prefix + ":" + name);
        if (text != null) e.setTextContent(text);
        parent.appendChild(e);
        return e;
    }

    /** Whether calls can be signed: a user is configured. */
    boolean signs() {
        return !user.isEmpty();
    }

    /** Sends {@code request} (from {@link #request}) signed, or unsigned where no user is set or {@code signed} is false. */
    Document call(URI endpoint, Element request, boolean signed) throws IOException {
        Document d = request.getOwnerDocument();
        boolean signing = signed && signs();
        if (signing) sign(d);
        String action = request.getLocalName();
        HttpRequest r = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/soap+xml; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(serialize(d), StandardCharsets.UTF_8)).build();
        HttpResponse<byte[]> answer;
        try {
            answer = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new Failure(action + ": no answer from " + endpoint.getAuthority() + " within " + timeout.toSeconds() + " s");
        } catch (ConnectException e) {
            throw new Failure(action + ": cannot connect to " + endpoint.getAuthority() + " (" + reason(e) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(action + ": interrupted");
        } catch (IOException e) {
            throw new Failure(action + ": " + endpoint.getAuthority() + ": " + reason(e));
        }
        int status = answer.statusCode();
        if (status == 401 || status == 403) throw refused(action, signing, "HTTP " + status);
        // An empty 200 is how some cameras acknowledge a move or a stop; it is no error.
        Document reply;
        try {
            reply = answer.body().length == 0 ? null : parse(answer.body(), action);
        } catch (Failure e) {
            if (status >= 300) throw new Failure(action + ": the camera answered HTTP " + status);
            throw e;
        }
        String fault = text(reply, "/s:Envelope/s:Body/s:Fault/s:Reason/s:Text");
        if (text(reply, "//s:Fault/s:Code//s:Value[contains(., 'NotAuthorized')]").length() > 0) {
            throw refused(action, signing, fault);
        }
        if (!fault.isEmpty()) throw new Failure(action + ": the camera answered a fault: " + fault);
        if (status >= 300) throw new Failure(action + ": the camera answered HTTP " + status);
        return reply;
    }

    private static Refused refused(String action, boolean signed, String why) {
        return new Refused(action + ": the camera " + (signed ? "refused the user name or password" : "asks for a user name and password")
                + " (" + why + ")");
    }

    private static String reason(IOException e) {
        return e.getMessage() == null || e.getMessage().isEmpty() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Adds the UsernameToken (WS-Security UsernameToken Profile 1.0, password digest) to the Header. */
    private void sign(Document d) {
        byte[] nonce = new byte[16];
        NONCES.nextBytes(nonce);
        String created = Instant.now().plus(clockOffset).truncatedTo(ChronoUnit.MILLIS).toString();
        Element header = (Element) d.getDocumentElement().getFirstChild();
        Element security = add(header, "wsse", "Security", null);
        security.setAttributeNS(NS.get("s"), "s:mustUnderstand", "true");
        Element token = add(security, "wsse", "UsernameToken", null);
        add(token, "wsse", "Username", user);
        add(token, "wsse", "Password", digest(nonce, created, password)).setAttribute("Type", DIGEST_TYPE);
        add(token, "wsse", "Nonce", Base64.getEncoder().encodeToString(nonce))
                .setAttribute("EncodingType", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary");
        add(token, "wsu", "Created", created);
    }

    /** Password_Digest = Base64(SHA-1(nonce + created + password)), the nonce as raw bytes, the rest UTF-8. */
    static String digest(byte[] nonce, String created, String password) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(nonce);
            sha1.update(created.getBytes(StandardCharsets.UTF_8));
            sha1.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }

    static String serialize(Document d) {
        try {
            StringWriter out = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(d), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("a DOM built here always serializes", e);
        }
    }

    static Document parse(byte[] xml, String what) throws Failure {
        try {
            return builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXException | IOException e) {
            throw new Failure(what + ": the answer is not XML: " + e.getMessage());
        }
    }

    /** A namespace-aware parser that reads no DTD (a camera's answer has none; refusing one stops XXE). */
    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's parser has these features", e);
        }
    }

    /** The trimmed text of what {@code xpath} selects from {@code node}, or "" where nothing matches. */
    static String text(Node node, String xpath) {
        if (node == null) return "";
        try {
            return ((String) xpath().evaluate(xpath, node, XPathConstants.STRING)).strip();
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
    }

    static List<Element> elements(Node node, String xpath) {
        List<Element> found = new ArrayList<>();
        if (node == null) return found;
        try {
            NodeList list = (NodeList) xpath().evaluate(xpath, node, XPathConstants.NODESET);
            for (int i = 0; i < list.getLength(); i++) found.add((Element) list.item(i));
        } catch (XPathExpressionException e) {
            throw new IllegalArgumentException(xpath, e);
        }
        return found;
    }

    private static XPath xpath() {
        XPath x = XPathFactory.newInstance().newXPath();
        x.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return NS.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String uri) {
                return null;
            }

            @Override
            public Iterator<String> getPrefixes(String uri) {
                return null;
            }
        });
        return x;
    }
}
