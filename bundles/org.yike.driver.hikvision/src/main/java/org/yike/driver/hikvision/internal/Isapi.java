package org.yike.driver.hikvision.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPut;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The ISAPI calls Yike makes, over HTTP with digest authentication (HttpClient answers the
 * camera's challenge). Errors say what failed in words and never carry the password.
 */
final class Isapi implements AutoCloseable {

    record DeviceInfo(String name, String model, String serial, String firmware) {
    }

    record Preset(String id, String name) {
    }

    /** One {@code EventNotificationAlert}: {@code eventType} such as {@code VMD}, active or not. */
    record Alert(String type, boolean active, int channel) {
    }

    private static final DocumentBuilderFactory XML = xml();

    private final URI base;
    private final CloseableHttpClient http;

    Isapi(String host, int port, String user, String password, Duration timeout) {
        base = URI.create("http://" + host + ":" + port);
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        credentials.setCredentials(new AuthScope(host, port), new UsernamePasswordCredentials(user, password.toCharArray()));
        Timeout t = Timeout.of(timeout.toMillis(), TimeUnit.MILLISECONDS);
        http = HttpClients.custom().setDefaultCredentialsProvider(credentials)
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(t).build()).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(t).build())
                .disableAutomaticRetries().build();
    }

    DeviceInfo deviceInfo() throws IOException {
        Document d = get("/ISAPI/System/deviceInfo");
        return new DeviceInfo(text(d, "/DeviceInfo/deviceName"), text(d, "/DeviceInfo/model"),
                text(d, "/DeviceInfo/serialNumber"), text(d, "/DeviceInfo/firmwareVersion"));
    }

    /** Pan, tilt and zoom speeds in [-1, 1], as ISAPI's -100..100; all zero stops. */
    void continuous(int channel, double pan, double tilt, double zoom) throws IOException {
        String body = String.format(Locale.ROOT, "<PTZData><pan>%d</pan><tilt>%d</tilt><zoom>%d</zoom></PTZData>",
                percent(pan), percent(tilt), percent(zoom));
        HttpPut put = new HttpPut(base.resolve("/ISAPI/PTZCtrl/channels/" + channel + "/continuous"));
        put.setEntity(new StringEntity(body, ContentType.APPLICATION_XML));
        call(put);
    }

    List<Preset> presets(int channel) throws IOException {
        Document d = get("/ISAPI/PTZCtrl/channels/" + channel + "/presets");
        NodeList ids = nodes(d, "/PTZPresetList/PTZPreset");
        List<Preset> presets = new ArrayList<>();
        for (int i = 1; i <= ids.getLength(); i++) {
            String at = "/PTZPresetList/PTZPreset[" + i + "]/";
            presets.add(new Preset(text(d, at + "id"), text(d, at + "presetName")));
        }
        return presets;
    }

    void gotoPreset(int channel, String id) throws IOException {
        call(new HttpPut(base.resolve("/ISAPI/PTZCtrl/channels/" + channel + "/presets/" + id + "/goto")));
    }

    /**
     * Reads the camera's event push until it ends or fails: a multipart/mixed body that never
     * finishes, one {@code EventNotificationAlert} document per part, each handed on as soon as it
     * has come ({@link AlertParts}).
     */
    void alertStream(Consumer<Alert> alerts) throws IOException {
        HttpGet get = new HttpGet(base.resolve("/ISAPI/Event/notification/alertStream"));
        get.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.DISABLED).build());
        http.execute(get, response -> {
            if (response.getCode() != 200) throw refused(get, response);
            Header type = response.getFirstHeader("Content-Type");
            AlertParts.read(response.getEntity().getContent(), type == null ? "" : type.getValue(),
                    xml -> alert(xml).ifPresent(alerts));
            return null;
        });
        throw new IOException("the camera ended the alertStream");
    }

    private static Optional<Alert> alert(byte[] xml) throws IOException {
        Document d = parse(xml);
        String type = text(d, "/EventNotificationAlert/eventType");
        if (type.isEmpty()) return Optional.empty();
        String channel = text(d, "/EventNotificationAlert/channelID");
        return Optional.of(new Alert(type, text(d, "/EventNotificationAlert/eventState").equals("active"),
                channel.isEmpty() ? 1 : Integer.parseInt(channel)));
    }

    private Document get(String path) throws IOException {
        return parse(call(new HttpGet(base.resolve(path))));
    }

    private byte[] call(HttpUriRequestBase request) throws IOException {
        return http.execute(request, response -> {
            if (response.getCode() / 100 != 2) throw refused(request, response);
            return response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
        });
    }

    private static IOException refused(HttpUriRequestBase request, ClassicHttpResponse response) {
        String why = response.getCode() == 401 ? "user or password refused" : response.getReasonPhrase();
        return new IOException(request.getMethod() + " " + request.getPath() + ": HTTP " + response.getCode() + " " + why);
    }

    private static int percent(double speed) {
        return (int) Math.round(Math.max(-1, Math.min(1, speed)) * 100);
    }

    private static Document parse(byte[] xml) throws IOException {
        try {
            return XML.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("the camera's answer is not XML: " + e.getMessage(), e);
        }
    }

    /** ISAPI documents carry a default namespace; paths match on local names, so they read plainly. */
    private static String text(Document d, String path) throws IOException {
        try {
            return xpath().evaluate(localNames(path), d).trim();
        } catch (XPathExpressionException e) {
            throw new IOException(e);
        }
    }

    private static NodeList nodes(Document d, String path) throws IOException {
        try {
            return (NodeList) xpath().evaluate(localNames(path), d, XPathConstants.NODESET);
        } catch (XPathExpressionException e) {
            throw new IOException(e);
        }
    }

    private static String localNames(String path) {
        return path.replaceAll("/([A-Za-z]+)", "/*[local-name()='$1']");
    }

    private static XPath xpath() {
        return XPathFactory.newInstance().newXPath();
    }

    private static DocumentBuilderFactory xml() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        try {
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true); // no XXE from a camera
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        return f;
    }

    /** Ends the client and any alertStream it is reading, from another thread. */
    @Override
    public void close() {
        http.close(CloseMode.IMMEDIATE);
    }
}
