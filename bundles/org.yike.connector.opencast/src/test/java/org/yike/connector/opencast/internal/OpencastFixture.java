package org.yike.connector.opencast.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.james.mime4j.parser.AbstractContentHandler;
import org.apache.james.mime4j.parser.MimeStreamParser;
import org.apache.james.mime4j.stream.BodyDescriptor;
import org.apache.james.mime4j.stream.Field;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpServer;

/**
 * The capture-agent endpoints of Opencast's documentation on loopback (JDK HttpServer): service
 * registry, capture-admin (agent state, configuration, recording state), scheduler calendars with
 * ETags, and the multi-request ingest, behind real HTTP Digest (MD5, qop=auth, asked for with
 * X-Requested-Auth: Digest as Opencast does) or Basic auth. What arrived is kept for the tests (the
 * itests use it too, through this module's test jar).
 */
public final class OpencastFixture implements AutoCloseable {

    public static final String USER = "opencast_system_account";
    public static final String PASSWORD = "CHANGE_ME-pw";
    public static final String CALENDAR = calendar("68b19d11-6aca-413e", "数学 第一课", Instant.parse("2026-11-26T01:00:00Z"),
            Instant.parse("2026-11-26T01:45:00Z"));
    private static final String REALM = "Opencast";

    public record Track(String flavor, String sha256, long bytes) {
    }

    public final List<String> agentStates = new CopyOnWriteArrayList<>();
    /** {@code <event UID>=<state>}, as the agent posted them to {@code /capture-admin/recordings/<UID>}. */
    public final List<String> recordingStates = new CopyOnWriteArrayList<>();
    public final List<String> configurations = new CopyOnWriteArrayList<>();
    public final List<String> catalogs = new CopyOnWriteArrayList<>();
    public final List<Track> tracks = new CopyOnWriteArrayList<>();
    /** {@code <workflow>} or {@code <workflow> <workflowInstanceId>} of each ingest. */
    public final List<String> ingested = new CopyOnWriteArrayList<>();
    /** Each ingest call's name in the order it came ({@code ingest} for {@code ingest/<workflow>}). */
    public final List<String> ingestCalls = new CopyOnWriteArrayList<>();
    public final List<String> calendarAnswers = new CopyOnWriteArrayList<>();
    public final List<String> challenges = new CopyOnWriteArrayList<>();
    /** The agent's calendar, {@link #CALENDAR} unless a test serves another. */
    public volatile String calendar = CALENDAR;
    private final HttpServer server;
    private int step;

    public OpencastFixture(boolean digest) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Authenticator auth = digest ? new Digest() : new BasicAuthenticator(REALM) {
            @Override
            public boolean checkCredentials(String user, String password) {
                return USER.equals(user) && PASSWORD.equals(password);
            }
        };
        server.createContext("/services/available.json", this::services).setAuthenticator(auth);
        server.createContext("/capture-admin/agents/", this::agents).setAuthenticator(auth);
        server.createContext("/capture-admin/recordings/", this::recordings).setAuthenticator(auth);
        server.createContext("/recordings/calendars", this::calendars).setAuthenticator(auth);
        server.createContext("/ingest/", this::ingest).setAuthenticator(auth);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void services(HttpExchange x) throws IOException {
        String type = x.getRequestURI().getQuery().replace("serviceType=", "");
        String path = switch (type) {
            case Opencast.CAPTURE_ADMIN -> "/capture-admin";
            case Opencast.SCHEDULER -> "/recordings";
            case Opencast.INGEST -> "/ingest";
            default -> null;
        };
        String json = path == null ? "{\"services\":\"\"}"
                : "{\"services\":{\"service\":{\"active\":true,\"host\":\"" + url() + "\",\"path\":\"" + path + "\",\"type\":\"" + type + "\"}}}";
        answer(x, 200, json);
    }

    private void agents(HttpExchange x) throws IOException {
        Map<String, String> form = form(x);
        String path = x.getRequestURI().getPath();
        if (path.endsWith("/configuration")) {
            configurations.add(form.get("configuration"));
        } else {
            agentStates.add(path.substring(path.lastIndexOf('/') + 1) + "=" + form.get("state"));
        }
        answer(x, 200, "");
    }

    private void recordings(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        recordingStates.add(path.substring(path.lastIndexOf('/') + 1) + "=" + form(x).get("state"));
        answer(x, 200, "");
    }

    private void calendars(HttpExchange x) throws IOException {
        String served = calendar;
        String etag = "\"" + Integer.toHexString(served.hashCode()) + "\"";
        if (etag.equals(x.getRequestHeaders().getFirst("If-None-Match"))) {
            calendarAnswers.add("304");
            x.sendResponseHeaders(304, -1);
            x.close();
            return;
        }
        calendarAnswers.add("200 " + x.getRequestURI().getQuery());
        x.getResponseHeaders().add("ETag", etag);
        answer(x, 200, served);
    }

    private synchronized void ingest(HttpExchange x) throws IOException {
        String call = x.getRequestURI().getPath().substring("/ingest/".length());
        ingestCalls.add(call.startsWith("ingest/") ? "ingest" : call);
        if (call.equals("createMediaPackage")) {
            step = 0;
            answer(x, 200, mediaPackage());
            return;
        }
        Map<String, String> fields = new HashMap<>();
        if (call.equals("addTrack")) {
            multipart(x, fields);
        } else {
            fields.putAll(form(x));
        }
        if (!mediaPackage().equals(fields.get("mediaPackage"))) {
            answer(x, 400, "not the media package of the last answer: " + fields.get("mediaPackage"));
            return;
        }
        switch (call.startsWith("ingest/") ? "ingest" : call) {
            case "addDCCatalog" -> catalogs.add(fields.get("flavor") + " " + fields.get("dublinCore"));
            case "addTrack" -> tracks.add(new Track(fields.get("flavor"), fields.get("BODY.sha256"), Long.parseLong(fields.get("BODY.bytes"))));
            case "ingest" -> ingested.add(call.substring("ingest/".length())
                    + (fields.containsKey("workflowInstanceId") ? " " + fields.get("workflowInstanceId") : ""));
            default -> {
                answer(x, 404, "no " + call);
                return;
            }
        }
        step++;
        answer(x, 200, mediaPackage());
    }

    private String mediaPackage() {
        return "<mediapackage xmlns=\"http://mediapackage.opencastproject.org\" id=\"mp-1\" step=\"" + step + "\"/>";
    }

    private static Map<String, String> form(HttpExchange x) throws IOException {
        Map<String, String> out = new HashMap<>();
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The parts of a multipart/form-data body by name; a file part as its SHA-256 and size. */
    private static void multipart(HttpExchange x, Map<String, String> out) throws IOException {
        String head = "Content-Type: " + x.getRequestHeaders().getFirst("Content-Type") + "\r\n\r\n";
        MimeStreamParser parser = new MimeStreamParser();
        String[] name = new String[1];
        parser.setContentHandler(new AbstractContentHandler() {
            @Override
            public void field(Field field) {
                Matcher m = Pattern.compile("name=\"([^\"]*)\"").matcher(field.getBody());
                if (field.getName().equalsIgnoreCase("Content-Disposition") && m.find()) name[0] = m.group(1);
            }

            @Override
            public void body(BodyDescriptor bd, InputStream is) throws IOException {
                byte[] bytes = is.readAllBytes();
                if (name[0].equals("BODY")) {
                    out.put("BODY.sha256", sha256(bytes));
                    out.put("BODY.bytes", String.valueOf(bytes.length));
                } else {
                    out.put(name[0], new String(bytes, StandardCharsets.UTF_8));
                }
            }
        });
        try {
            parser.parse(new SequenceInputStream(new ByteArrayInputStream(head.getBytes(StandardCharsets.US_ASCII)), x.getRequestBody()));
        } catch (org.apache.james.mime4j.MimeException e) {
            throw new IOException(e);
        }
    }

    private static void answer(HttpExchange x, int code, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(code, b.length == 0 ? -1 : b.length);
        if (b.length > 0) x.getResponseBody().write(b);
        x.close();
    }

    public static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 2617 Digest, MD5 with qop=auth, challenged only where the client asks with X-Requested-Auth. */
    private final class Digest extends Authenticator {
        private final String nonce = UUID.randomUUID().toString().replace("-", "");

        @Override
        public Result authenticate(HttpExchange x) {
            String header = x.getRequestHeaders().getFirst("Authorization");
            if (header == null || !header.startsWith("Digest ")) {
                if (!"Digest".equals(x.getRequestHeaders().getFirst("X-Requested-Auth"))) return new Failure(401);
                challenges.add(x.getRequestURI().getPath());
                x.getResponseHeaders().add("WWW-Authenticate",
                        "Digest realm=\"" + REALM + "\", qop=\"auth\", nonce=\"" + nonce + "\", algorithm=MD5");
                return new Retry(401);
            }
            Map<String, String> p = new HashMap<>();
            Matcher m = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]+))").matcher(header.substring(7));
            while (m.find()) p.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
            String ha1 = md5(USER + ":" + REALM + ":" + PASSWORD);
            String ha2 = md5(x.getRequestMethod() + ":" + p.get("uri"));
            String expected = md5(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
            if (USER.equals(p.get("username")) && nonce.equals(p.get("nonce")) && expected.equals(p.get("response"))
                    && x.getRequestURI().toString().equals(p.get("uri"))) {
                return new Success(new HttpPrincipal(USER, REALM));
            }
            return new Failure(401);
        }
    }

    /** A calendar of one event of room-101's agent from {@code start} to {@code end}, as Opencast writes it (UTC). */
    public static String calendar(String uid, String title, Instant start, Instant end) {
        DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(ZoneOffset.UTC);
        return "BEGIN:VCALENDAR\r\nPRODID:Opencast Calendar File 0.5\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTAMP:"
                + utc.format(start) + "\r\nDTSTART:" + utc.format(start) + "\r\nDTEND:" + utc.format(end) + "\r\nSUMMARY:" + title
                + "\r\nUID:" + uid + "\r\nLOCATION:room-101\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
