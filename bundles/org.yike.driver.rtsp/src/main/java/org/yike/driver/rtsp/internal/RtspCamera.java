package org.yike.driver.rtsp.internal;

import static org.yike.driver.support.ConfigCheck.raw;
import static org.yike.driver.support.ConfigCheck.text;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.yike.api.device.Device;
import org.yike.api.device.Role;
import org.yike.api.device.Source;
import org.yike.api.device.StreamFigures;
import org.yike.api.device.StreamLocator;
import org.yike.driver.support.ConfigCheck;
import org.yike.driver.support.StreamWatch;
import org.yike.driver.support.WatchedDevice;
import org.yike.media.MediaRuntime;

/**
 * One network camera: a picture at a URL, with credentials put into the URL, where FFmpeg expects
 * them for RTSP, RTMP and HTTP (basic and digest). The recording engine opens the stream itself; the
 * camera's state comes from a lesson's reads while one records it, else from an RTSP request now and
 * then ({@link StreamWatch}).
 */
@Component(service = Device.class, configurationPid = RtspCamera.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RtspCameraConfig.class, factory = true)
public class RtspCamera extends WatchedDevice<StreamWatch> {

    static final String PID = "org.yike.driver.rtsp.camera";
    private static final Set<String> SCHEMES = Set.of("rtsp", "rtsps", "rtmp", "srt", "http", "https");

    @Activate
    public RtspCamera(RtspCameraConfig config, @Reference MediaRuntime media) {
        super(RtspDriver.ID, config.id(), config.name(), config.classroom(), problem(config));
        if (isRefused()) return;
        StreamLocator locator = locator(config);
        watch(List.of(new Source(id(), "video", name(), Role.named(config.role()), locator)),
                new StreamWatch("yike-camera-" + id(), id(), locator, Duration.ofSeconds(config.timeoutSeconds())
                        .plus(StreamWatch.STREAM_INFO_TIME), Duration.ofSeconds(config.checkSeconds()), media).start());
    }

    @Deactivate
    void deactivate() {
        stopWatching();
    }

    /** What is wrong with a configuration, in words that never quote the URL or the password, or {@code null}. */
    static String problem(RtspCameraConfig c) {
        ConfigCheck check = new ConfigCheck().device(c.id(), c.classroom(), c.role());
        URI uri = check.url(c.url());
        if (uri != null) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            check.require(SCHEMES.contains(scheme), "url must start with rtsp://, rtsps://, rtmp://, srt://, http:// or https://"
                    + (scheme.isEmpty() ? "" : ", not " + scheme + "://"));
            check.require(!SCHEMES.contains(scheme) || (uri.getRawAuthority() != null && !host(uri.getRawAuthority()).isEmpty()),
                    "url names no host");
        }
        return check.credentials(c.username(), c.password())
                .require(Set.of("tcp", "udp", "auto").contains(text(c.transport())),
                        "transport '" + text(c.transport()) + "' must be tcp, udp or auto")
                .range("timeout", c.timeoutSeconds(), 1, 60, "s").range("check every", c.checkSeconds(), 1, 3600, "s")
                .problem();
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
        return new StreamLocator(StreamLocator.withCredentials(scheme + "://" + host(authority) + rest, user, password),
                null, options);
    }

    /** The host and port of a URL's authority, without user and password. */
    private static String host(String authority) {
        return authority.substring(authority.lastIndexOf('@') + 1);
    }

    /** Credentials as written into a URL (its escapes are well-formed: {@link #problem} parsed it). */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public Optional<StreamFigures> figures(String sourceId) {
        return watch().filter(w -> sources().get(0).id().equals(sourceId)).flatMap(StreamWatch::figures);
    }
}
