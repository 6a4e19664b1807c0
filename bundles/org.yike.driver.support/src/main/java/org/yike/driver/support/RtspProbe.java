package org.yike.driver.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.apache.hc.client5.http.auth.AuthChallenge;
import org.apache.hc.client5.http.auth.AuthScheme;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.ChallengeType;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.auth.AuthChallengeParser;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;
import org.apache.hc.client5.http.impl.auth.DigestScheme;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultClassicHttpResponseFactory;
import org.apache.hc.core5.http.impl.io.DefaultHttpResponseParser;
import org.apache.hc.core5.http.impl.io.SessionInputBufferImpl;
import org.apache.hc.core5.http.impl.io.SessionOutputBufferImpl;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.message.BasicLineFormatter;
import org.apache.hc.core5.http.message.BasicLineParser;
import org.apache.hc.core5.http.message.ParserCursor;
import org.apache.hc.core5.http.message.RequestLine;
import org.apache.hc.core5.util.CharArrayBuffer;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.StreamLocator;

/**
 * Asks an RTSP camera whether it answers, as a player does before it plays: OPTIONS, or DESCRIBE
 * where the locator holds credentials, so that they are checked (a 401's challenge answered with
 * digest or basic authentication, as the camera asks). One request and its answer on a socket, no
 * media, no decoder: how a camera that no lesson reads is watched.
 * <p>
 * RTSP/1.0 messages have HTTP/1.1's syntax with another protocol name (RFC 2326, section 6), so
 * HttpCore writes the request and parses the status line and headers, and HttpClient's schemes
 * answer the challenge. A DESCRIBE's session description is skipped, not parsed: that the camera
 * gives one is the answer.
 */
final class RtspProbe {

    static final ProtocolVersion RTSP_1_0 = new ProtocolVersion("RTSP", 1, 0);
    private static final int DEFAULT_PORT = 554;

    private final String host;
    private final int port;
    /** The URL without its credentials, as the request line names it. */
    private final String url;
    private final String user;
    private final String password;

    private RtspProbe(String host, int port, String url, String user, String password) {
        this.host = host;
        this.port = port;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** A probe for a plain {@code rtsp://} locator (FFmpeg's default format), else none. */
    static RtspProbe of(StreamLocator locator) {
        if (locator.format() != null || !locator.uri().regionMatches(true, 0, "rtsp://", 0, 7)) return null;
        URI uri;
        try {
            uri = new URI(locator.uri());
        } catch (java.net.URISyntaxException e) {
            return null;
        }
        if (uri.getHost() == null) return null;
        String user = null;
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String[] written = uri.getRawUserInfo().split(":", 2);
            user = decode(written[0]);
            password = written.length > 1 ? decode(written[1]) : "";
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        String url = "rtsp://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new RtspProbe(uri.getHost(), port, url, user, password);
    }

    /** The method asked: DESCRIBE where credentials are to be checked, else OPTIONS. */
    String method() {
        return user == null ? "OPTIONS" : "DESCRIBE";
    }

    /**
     * ONLINE (no reason) where the camera answers 200, else OFFLINE with why, in words that never
     * quote the URL or the password; {@code timeout} bounds the connection and each read.
     */
    DeviceStatus ask(Duration timeout) {
        int millis = (int) Math.max(1, timeout.toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            Exchange exchange = new Exchange(socket.getInputStream(), socket.getOutputStream());
            BasicClassicHttpRequest request = request(1);
            ClassicHttpResponse answer = exchange.send(request);
            if (answer.getCode() == 401 && user != null) {
                AuthScheme scheme = scheme(answer);
                if (scheme == null) return DeviceStatus.offline("the camera asks for an authentication Yike does not know ("
                        + status(answer) + ")");
                BasicClassicHttpRequest again = request(2);
                HttpClientContext context = HttpClientContext.create();
                HttpHost target = new HttpHost("rtsp", host, port);
                CredentialsProvider credentials = CredentialsProviderBuilder.create()
                        .add(new AuthScope(null, -1), new UsernamePasswordCredentials(user, password.toCharArray())).build();
                if (!scheme.isResponseReady(target, credentials, context)) {
                    return DeviceStatus.offline("the camera asks for a user name and password (" + status(answer) + ")");
                }
                again.setHeader("Authorization", scheme.generateAuthResponse(target, again, context));
                answer = exchange.send(again);
                if (answer.getCode() == 401) {
                    return DeviceStatus.offline("the camera refused the user name or password (" + status(answer) + ")");
                }
            }
            return switch (answer.getCode()) {
                case 200 -> DeviceStatus.online();
                case 401 -> DeviceStatus.offline("the camera asks for a user name and password (" + status(answer) + ")");
                case 404 -> DeviceStatus.offline("the camera has no such stream (" + status(answer) + ")");
                default -> DeviceStatus.offline("the camera answered " + status(answer));
            };
        } catch (SocketTimeoutException e) {
            return DeviceStatus.offline("no answer within " + timeout.toSeconds() + " s");
        } catch (ConnectException e) {
            return DeviceStatus.offline(e.getMessage() == null ? "cannot connect" : e.getMessage());
        } catch (UnknownHostException e) {
            return DeviceStatus.offline("unknown host " + host);
        } catch (IOException | HttpException | RuntimeException e) {
            return DeviceStatus.offline("no RTSP answer: " + StreamLocator.redact(String.valueOf(e.getMessage())));
        }
    }

    private BasicClassicHttpRequest request(int sequence) {
        BasicClassicHttpRequest request = new BasicClassicHttpRequest(method(), URI.create(url));
        request.setAbsoluteRequestUri(true);
        request.setVersion(RTSP_1_0);
        request.setHeader("CSeq", Integer.toString(sequence));
        request.setHeader("User-Agent", "Yike");
        if (user != null) request.setHeader("Accept", "application/sdp");
        return request;
    }

    /** Digest where the camera offers it, else basic; {@code null} where it offers neither. */
    private static AuthScheme scheme(ClassicHttpResponse answer) throws HttpException {
        AuthChallenge basic = null;
        for (Header h : answer.getHeaders("WWW-Authenticate")) {
            List<AuthChallenge> challenges = AuthChallengeParser.INSTANCE.parse(ChallengeType.TARGET, h.getValue(),
                    new ParserCursor(0, h.getValue().length()));
            for (AuthChallenge c : challenges) {
                String name = c.getSchemeName().toLowerCase(Locale.ROOT);
                if (name.equals("digest")) {
                    DigestScheme digest = new DigestScheme();
                    digest.processChallenge(c, null);
                    return digest;
                }
                if (name.equals("basic")) basic = c;
            }
        }
        if (basic == null) return null;
        BasicScheme scheme = new BasicScheme(StandardCharsets.UTF_8);
        scheme.processChallenge(basic, null);
        return scheme;
    }

    private static String status(ClassicHttpResponse answer) {
        return "RTSP " + answer.getCode() + (answer.getReasonPhrase() == null ? "" : " " + answer.getReasonPhrase());
    }

    /** Credentials as written into a URL, {@code +} kept. */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Requests and answers on one connection; each answer's body is read past, so the next answer follows. */
    private static final class Exchange {

        private final InputStream in;
        private final OutputStream out;
        private final SessionInputBufferImpl input = new SessionInputBufferImpl(8192);
        private final SessionOutputBufferImpl output = new SessionOutputBufferImpl(8192);
        private final DefaultHttpResponseParser parser = new DefaultHttpResponseParser(new BasicLineParser(RTSP_1_0),
                DefaultClassicHttpResponseFactory.INSTANCE, Http1Config.DEFAULT);

        Exchange(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        ClassicHttpResponse send(BasicClassicHttpRequest request) throws IOException, HttpException {
            // HttpCore's request writer puts its own HTTP version on the request line: the head is formatted here
            CharArrayBuffer line = new CharArrayBuffer(256);
            BasicLineFormatter.INSTANCE.formatRequestLine(line, new RequestLine(request.getMethod(), request.getRequestUri(), RTSP_1_0));
            output.writeLine(line, out);
            for (Header h : request.getHeaders()) {
                line.clear();
                BasicLineFormatter.INSTANCE.formatHeader(line, h);
                output.writeLine(line, out);
            }
            line.clear();
            output.writeLine(line, out);
            output.flush(out);
            ClassicHttpResponse answer = parser.parse(input, in);
            if (answer == null) throw new IOException("the camera closed the connection");
            Header length = answer.getFirstHeader("Content-Length");
            long left = length == null ? 0 : Long.parseLong(length.getValue().trim());
            byte[] skip = new byte[1024];
            for (int n; left > 0 && (n = input.read(skip, 0, (int) Math.min(skip.length, left), in)) > 0;) left -= n;
            return answer;
        }
    }
}
