package org.yike.driver.rtsp.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.Device;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.Role;
import org.yike.api.device.Source;
import org.yike.api.device.StreamLocator;
import org.yike.media.MediaRuntime;

/**
 * One network camera: a picture at a URL, with credentials put into the URL, where FFmpeg expects
 * them for RTSP, RTMP and HTTP (basic and digest). The recording engine opens the stream itself; the
 * camera only says, from a probe in the background, whether it would open.
 */
@Component(configurationPid = RtspCamera.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RtspCameraConfig.class, factory = true)
public class RtspCamera implements Device {

    static final String PID = "org.yike.driver.rtsp.camera";
    private static final Logger LOG = LoggerFactory.getLogger(RtspCamera.class);
    private static final Set<String> SCHEMES = Set.of("rtsp", "rtsps", "rtmp", "srt", "http", "https");
    /** Time for reading which streams the camera sends, on top of the socket timeout. */
    private static final Duration STREAM_INFO_TIME = Duration.ofSeconds(10);

    private final String id;
    private final String name;
    private final String classroom;
    private final List<Source> sources;
    private final DeviceStatus refused;
    private final CameraWatch watch;

    @Activate
    public RtspCamera(RtspCameraConfig config, @Reference MediaRuntime media) {
        id = text(config.id());
        name = text(config.name()).isEmpty() ? id : text(config.name());
        classroom = text(config.classroom());
        String problem = problem(config);
        if (problem != null) {
            LOG.error("Camera {}: configuration refused: {}", id, problem);
            sources = List.of();
            refused = DeviceStatus.offline("configuration: " + problem);
            watch = null;
            return;
        }
        StreamLocator locator = locator(config);
        sources = List.of(new Source(id, "video", name, role(config.role()), locator));
        refused = null;
        watch = new CameraWatch(id, locator, Duration.ofSeconds(config.timeoutSeconds()).plus(STREAM_INFO_TIME),
                media::probe);
        watch.start();
    }

    @Deactivate
    void deactivate() {
        if (watch != null) watch.close();
    }

    /** What is wrong with a configuration, in words that never quote the URL or the password, or {@code null}. */
    static String problem(RtspCameraConfig c) {
        List<String> p = new ArrayList<>();
        if (!text(c.id()).matches("[A-Za-z0-9._-]+")) p.add("id '" + text(c.id()) + "' must be letters, digits, . _ -");
        if (text(c.classroom()).isEmpty()) p.add("classroom is empty");
        if (role(c.role()) == null) {
            p.add("role '" + text(c.role()) + "' must be one of " + Arrays.stream(Role.values()).map(Role::word).filter(Objects::nonNull).collect(Collectors.joining(", ")));
        }
        String url = urlProblem(text(c.url()));
        if (url != null) p.add(url);
        if (raw(c.username()).isEmpty() && !raw(c.password()).isEmpty()) p.add("a password needs a username");
        if (!Set.of("tcp", "udp", "auto").contains(text(c.transport()))) {
            p.add("transport '" + text(c.transport()) + "' must be tcp, udp or auto");
        }
        if (c.timeoutSeconds() < 1 || c.timeoutSeconds() > 60) p.add("timeout " + c.timeoutSeconds() + " s must be 1..60");
        return p.isEmpty() ? null : String.join("; ", p);
    }

    private static String urlProblem(String url) {
        if (url.isEmpty()) return "url is empty";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "url is not a URL: " + e.getReason() + " at character " + (e.getIndex() + 1);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            return "url must start with rtsp://, rtsps://, rtmp://, srt://, http:// or https://"
                    + (scheme.isEmpty() ? "" : ", not " + scheme + "://");
        }
        if (uri.getRawAuthority() == null || host(uri.getRawAuthority()).isEmpty()) return "url names no host";
        return null;
    }

    /** The role a configuration names: a Metatype option ({@code teacher}) or an enum name, any case. */
    static Role role(String name) {
        return Role.ofWord(name);
    }

    /**
     * The stream as FFmpeg opens it, for a configuration without {@link #problem}: the credentials
     * (configured, else those written into the URL) percent-encoded into the URL, so that
     * {@link StreamLocator#redacted()} masks all of them; the transport and the socket timeout as
     * the options of the URL's protocol.
     */
    static StreamLocator locator(RtspCameraConfig c) {
        String url = text(c.url());
        URI uri = URI.create(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String authority = uri.getRawAuthority();
        String rest = url.substring(url.indexOf("://") + 3 + authority.length());
        String user = raw(c.username());
        String password = raw(c.password());
        int at = authority.lastIndexOf('@');
        if (user.isEmpty() && at >= 0) {
            String[] written = authority.substring(0, at).split(":", 2);
            user = decode(written[0]);
            password = written.length > 1 ? decode(written[1]) : "";
        }
        Map<String, String> options = new LinkedHashMap<>();
        String micros = Long.toString(Duration.ofSeconds(c.timeoutSeconds()).toNanos() / 1000);
        if (scheme.startsWith("rtsp")) {
            if (!text(c.transport()).equals("auto")) options.put("rtsp_transport", text(c.transport()));
            options.put("timeout", micros); // the rtsp demuxer's socket timeout; rw_timeout does not reach it
        } else {
            options.put("rw_timeout", micros); // rtmp's "timeout" would make it listen
        }
        return new StreamLocator(scheme + "://" + StreamLocator.userInfo(user, password) + host(authority) + rest, null, options);
    }

    /** The host and port of a URL's authority, without user and password. */
    private static String host(String authority) {
        return authority.substring(authority.lastIndexOf('@') + 1);
    }

    /** Credentials as written into a URL (its escapes are well-formed: {@link #problem} parsed it). */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    /** A user name or password as given: spaces may belong to it. */
    private static String raw(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String driver() {
        return RtspDriver.ID;
    }

    @Override
    public String classroom() {
        return classroom;
    }

    @Override
    public DeviceStatus status() {
        return watch == null ? refused : watch.status();
    }

    @Override
    public List<Source> sources() {
        return sources;
    }
}
