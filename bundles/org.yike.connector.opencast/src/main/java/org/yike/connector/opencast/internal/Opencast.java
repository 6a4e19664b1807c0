package org.yike.connector.opencast.internal;

import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.auth.BasicScheme;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.util.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The calls of Opencast's capture-agent protocol: the service registry, agent and recording state,
 * capabilities, the calendar, and the multi-request ingest. One exchange of credentials serves all
 * calls of one instance, so a large track is not sent twice for an authentication challenge.
 */
final class Opencast implements Closeable {

    static final String CAPTURE_ADMIN = "org.opencastproject.capture.admin";
    static final String SCHEDULER = "org.opencastproject.scheduler";
    static final String INGEST = "org.opencastproject.ingest";

    /** A calendar answer: its text and ETag, or {@code changed == false} where the server said 304. */
    record Calendar(boolean changed, String ical, String etag) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OpencastSettings settings;
    private final CloseableHttpClient http;
    private final HttpClientContext context = HttpClientContext.create();

    Opencast(OpencastSettings s) {
        this.settings = s;
        HttpHost host = HttpHost.create(s.url());
        UsernamePasswordCredentials credentials = new UsernamePasswordCredentials(s.user(), s.password().toCharArray());
        BasicCredentialsProvider provider = new BasicCredentialsProvider();
        provider.setCredentials(new AuthScope(host), credentials);
        if (!s.digest()) {
            // Basic goes with the first request; Digest needs the server's challenge first
            BasicScheme basic = new BasicScheme();
            basic.initPreemptive(credentials);
            context.resetAuthExchange(host, basic);
        }
        Timeout timeout = Timeout.of(s.timeout());
        http = HttpClients.custom().setDefaultCredentialsProvider(provider)
                // Opencast answers a digest challenge only to requests that ask for one
                .setDefaultHeaders(s.digest() ? List.of(new BasicHeader("X-Requested-Auth", "Digest")) : List.of())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(timeout).setResponseTimeout(timeout)
                        .setExpectContinueEnabled(true).build())
                .disableAutomaticRetries().build();
    }

    /** The base URL of a service, from the service registry. */
    URI endpoint(String serviceType) throws IOException {
        String answer = call(new HttpGet(settings.url() + "/services/available.json?serviceType=" + serviceType));
        JsonNode service = JSON.readTree(answer).path("services").path("service");
        // one service comes as an object, several as an array
        if (service.isArray()) service = service.path(0);
        if (!service.hasNonNull("host") || !service.hasNonNull("path")) {
            throw new IOException(settings + ": the service registry knows no " + serviceType);
        }
        return URI.create(service.get("host").asText().replaceAll("/+$", "") + service.get("path").asText());
    }

    void agentState(URI admin, String agent, String state) throws IOException {
        call(form(admin + "/agents/" + agent, Map.of("state", state)));
    }

    void capabilities(URI admin, String agent, Map<String, String> properties) throws IOException {
        call(form(admin + "/agents/" + agent + "/configuration", Map.of("configuration", JSON.writeValueAsString(properties))));
    }

    void recordingState(URI admin, String recording, String state) throws IOException {
        call(form(admin + "/recordings/" + recording, Map.of("state", state)));
    }

    /** The agent's schedule for the coming week; {@code etag} from the last answer, or null. */
    Calendar calendar(URI scheduler, String agent, String etag) throws IOException {
        long cutoff = Instant.now().plus(7, ChronoUnit.DAYS).toEpochMilli();
        HttpGet get = new HttpGet(scheduler + "/calendars?agentid=" + agent + "&cutoff=" + cutoff);
        if (etag != null) get.addHeader("If-None-Match", etag);
        return http.execute(get, context, response -> {
            if (response.getCode() == 304) return new Calendar(false, null, etag);
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (response.getCode() != 200) throw refused(get, response.getCode(), response.getReasonPhrase());
            var tag = response.getFirstHeader("ETag");
            return new Calendar(true, body, tag == null ? null : tag.getValue());
        });
    }

    String createMediaPackage(URI ingest) throws IOException {
        return call(new HttpGet(ingest + "/createMediaPackage"));
    }

    String addDCCatalog(URI ingest, String mediaPackage, String dublinCore, String flavor) throws IOException {
        return call(form(ingest + "/addDCCatalog", Map.of("mediaPackage", mediaPackage, "dublinCore", dublinCore, "flavor", flavor)));
    }

    /** Sends one file; {@code sent} hears the bytes of this and the earlier tracks together. */
    String addTrack(URI ingest, String mediaPackage, Path file, String flavor, AtomicLong total, LongConsumer sent)
            throws IOException {
        HttpPost post = new HttpPost(ingest + "/addTrack");
        FileBody body = new FileBody(file.toFile(), ContentType.APPLICATION_OCTET_STREAM, file.getFileName().toString()) {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                long before = total.get();
                super.writeTo(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                        sent.accept(total.addAndGet(len));
                    }
                });
                // a body sent again after a challenge counts once
                total.set(before + file.toFile().length());
            }
        };
        post.setEntity(MultipartEntityBuilder.create().setCharset(StandardCharsets.UTF_8)
                .addTextBody("flavor", flavor).addTextBody("mediaPackage", mediaPackage, ContentType.APPLICATION_XML)
                .addPart("BODY", body).build());
        return call(post);
    }

    /** Starts the workflow; {@code recording} (the scheduled event's UID) ties the media to it where known. */
    void ingest(URI ingest, String mediaPackage, String workflow, String recording) throws IOException {
        Map<String, String> fields = recording == null ? Map.of("mediaPackage", mediaPackage)
                : Map.of("mediaPackage", mediaPackage, "workflowInstanceId", recording);
        call(form(ingest + "/ingest/" + workflow, fields));
    }

    private static HttpPost form(String url, Map<String, String> fields) {
        HttpPost post = new HttpPost(url);
        List<NameValuePair> pairs = fields.entrySet().stream().map(e -> (NameValuePair) new BasicNameValuePair(e.getKey(), e.getValue()))
                .toList();
        post.setEntity(new UrlEncodedFormEntity(pairs, StandardCharsets.UTF_8));
        return post;
    }

    /** The answer's text; anything but 2xx is an error naming the call. */
    private String call(HttpUriRequestBase request) throws IOException {
        return http.execute(request, context, response -> {
            String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (response.getCode() / 100 != 2) throw refused(request, response.getCode(), response.getReasonPhrase());
            return body;
        });
    }

    private IOException refused(HttpUriRequestBase request, int code, String reason) {
        String path;
        try {
            path = request.getUri().getPath();
        } catch (java.net.URISyntaxException e) {
            path = request.getRequestUri();
        }
        String hint = code == 401 ? ": check user, password and auth (" + (settings.digest() ? "digest" : "basic") + ")" : "";
        return new IOException(settings + ": " + request.getMethod() + " " + path + " answered " + code + " " + reason + hint);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
