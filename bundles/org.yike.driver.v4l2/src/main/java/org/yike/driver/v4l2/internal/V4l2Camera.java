package org.yike.driver.v4l2.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.yike.media.MediaInfo;
import org.yike.media.MediaRuntime;

/**
 * A camera on this machine (a USB camera, an HDMI capture card), read through FFmpeg's
 * {@code video4linux2} input at the configured size, frame rate and input format. The recording
 * engine opens it itself; the camera only says whether its node is there and opens.
 */
@Component(configurationPid = V4l2Camera.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = V4l2CameraConfig.class, factory = true)
public class V4l2Camera implements Device {

    static final String PID = "org.yike.driver.v4l2.camera";
    static final String FORMAT = "video4linux2";
    private static final Logger LOG = LoggerFactory.getLogger(V4l2Camera.class);
    private static final Set<String> INPUT_FORMATS = Set.of("mjpeg", "yuyv422", "h264");
    /** An open reads a picture or two to tell its format; a camera that sends none within this is not working. */
    private static final Duration OPEN_TIME = Duration.ofSeconds(10);

    private final String id;
    private final String name;
    private final String classroom;
    private final List<Source> sources;
    private final DeviceStatus refused;
    private final DeviceWatch watch;

    @Activate
    public V4l2Camera(V4l2CameraConfig config, @Reference MediaRuntime media) {
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
        sources = List.of(new Source(id, "video", name, Role.named(config.role()), locator));
        refused = null;
        watch = new DeviceWatch(id, locator.uri(), new Node(locator, media), Duration.ofSeconds(config.checkSeconds()),
                "yike-v4l2-");
        watch.start();
    }

    @Deactivate
    void deactivate() {
        if (watch != null) watch.close();
    }

    /** What is wrong with a configuration, in words, or {@code null}. */
    static String problem(V4l2CameraConfig c) {
        List<String> p = new ArrayList<>();
        if (!text(c.id()).matches("[A-Za-z0-9._-]+")) p.add("id '" + text(c.id()) + "' must be letters, digits, . _ -");
        if (text(c.classroom()).isEmpty()) p.add("classroom is empty");
        if (Role.named(c.role()) == null) {
            p.add("role '" + text(c.role()) + "' must be one of " + String.join(", ", Role.OPTIONS));
        }
        String device = text(c.device());
        if (!device.startsWith("/") || !isPath(device)) {
            p.add("device '" + device + "' must be a device path such as /dev/video0 or /dev/v4l/by-id/…");
        }
        String size = text(c.videoSize());
        if (!size.matches("\\d{2,5}x\\d{2,5}")) p.add("video size '" + size + "' must be width x height, e.g. 1920x1080");
        if (c.framerate() < 1 || c.framerate() > 120) p.add("frame rate " + c.framerate() + " must be 1..120");
        if (!INPUT_FORMATS.contains(text(c.inputFormat()))) {
            p.add("input format '" + text(c.inputFormat()) + "' must be mjpeg, yuyv422 or h264");
        }
        if (c.checkSeconds() < 1 || c.checkSeconds() > 3600) p.add("check every " + c.checkSeconds() + " s must be 1..3600");
        return p.isEmpty() ? null : String.join("; ", p);
    }

    private static boolean isPath(String s) {
        try {
            Path.of(s);
            return true;
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * The camera as FFmpeg's {@code video4linux2} input opens it. The input format is always named:
     * without it FFmpeg would ask the camera for the raw format the recording engine decodes to
     * (yuv420p), which few cameras offer.
     */
    static StreamLocator locator(V4l2CameraConfig c) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("input_format", text(c.inputFormat()));
        options.put("video_size", text(c.videoSize()));
        options.put("framerate", Integer.toString(c.framerate()));
        return new StreamLocator(text(c.device()), FORMAT, options);
    }

    /** The device node: there or not from the file system, whether it opens from FFmpeg. */
    static final class Node implements DeviceWatch.Local {

        private final StreamLocator locator;
        private final MediaRuntime media;
        private final Path path;

        Node(StreamLocator locator, MediaRuntime media) {
            this.locator = locator;
            this.media = media;
            this.path = Path.of(locator.uri());
        }

        @Override
        public String absence() {
            if (!Files.exists(path)) return "no device at " + path + " (unplugged, or another path names it now)";
            if (!Files.isReadable(path) || !Files.isWritable(path)) {
                return "no permission to open " + path + ": the user running Yike needs to be in the 'video' group";
            }
            return "";
        }

        @Override
        public String open() throws IOException {
            MediaInfo info;
            try {
                info = media.probe(locator, OPEN_TIME);
            } catch (IOException e) {
                throw reason(e.getMessage());
            }
            MediaInfo.Stream v = info.video().orElseThrow(() -> new IOException(path + " opened without a picture"));
            return v.codec() + " " + v.width() + "x" + v.height() + " " + Math.round(v.frameRate()) + " fps";
        }

        /** FFmpeg's reason (the C library's words for the error) as what a person can do about it. */
        private IOException reason(String ffmpeg) {
            String o = locator.options().get("input_format") + " " + locator.options().get("video_size") + " at "
                    + locator.options().get("framerate") + " fps";
            return switch (String.valueOf(ffmpeg)) {
                case "Device or resource busy" -> new DeviceWatch.Busy(path + " is busy: another program is capturing from it");
                case "Inappropriate ioctl for device" -> new IOException(path + " is not a video capture device");
                case "Invalid argument" -> new IOException(path + " does not offer " + o + " (FFmpeg: Invalid argument)");
                case "No such file or directory", "No such device" -> new IOException("no device at " + path + " (unplugged?)");
                default -> new IOException("cannot open " + path + ": " + ffmpeg);
            };
        }
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
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
        return V4l2Driver.ID;
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
