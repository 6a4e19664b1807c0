package org.yike.driver.v4l2.internal;

import static org.yike.driver.support.ConfigCheck.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.yike.api.device.StreamLocator;
import org.yike.driver.support.ConfigCheck;
import org.yike.driver.support.LocalDeviceWatch;
import org.yike.driver.support.WatchedDevice;
import org.yike.media.MediaInfo;
import org.yike.media.MediaRuntime;

/**
 * A camera on this machine (a USB camera, an HDMI capture card), read through FFmpeg's
 * {@code video4linux2} input at the configured size, frame rate and input format. The recording
 * engine opens it itself; the camera only says whether its node is there and opens.
 */
@Component(service = Device.class, configurationPid = V4l2Camera.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = V4l2CameraConfig.class, factory = true)
public class V4l2Camera extends WatchedDevice<LocalDeviceWatch> {

    static final String PID = "org.yike.driver.v4l2.camera";
    static final String FORMAT = "video4linux2";
    private static final Set<String> INPUT_FORMATS = Set.of("mjpeg", "yuyv422", "h264");
    /** An open reads a picture or two to tell its format; a camera that sends none within this is not working. */
    private static final Duration OPEN_TIME = Duration.ofSeconds(10);

    @Activate
    public V4l2Camera(V4l2CameraConfig config, @Reference MediaRuntime media) {
        super(V4l2Driver.ID, config.id(), config.name(), config.classroom(), problem(config));
        if (isRefused()) return;
        StreamLocator locator = locator(config);
        watch(List.of(new Source(id(), "video", name(), Role.named(config.role()), locator)), new LocalDeviceWatch(id(),
                locator.uri(), new Node(locator, media), Duration.ofSeconds(config.checkSeconds()), "yike-v4l2-").start());
    }

    @Deactivate
    void deactivate() {
        stopWatching();
    }

    /** What is wrong with a configuration, in words, or {@code null}. */
    static String problem(V4l2CameraConfig c) {
        String device = text(c.device());
        return new ConfigCheck().device(c.id(), c.classroom(), c.role())
                .require(device.startsWith("/") && isPath(device),
                        "device '" + device + "' must be a device path such as /dev/video0 or /dev/v4l/by-id/…")
                .require(text(c.videoSize()).matches("\\d{2,5}x\\d{2,5}"),
                        "video size '" + text(c.videoSize()) + "' must be width x height, e.g. 1920x1080")
                .range("frame rate", c.framerate(), 1, 120, "fps")
                .require(INPUT_FORMATS.contains(text(c.inputFormat())),
                        "input format '" + text(c.inputFormat()) + "' must be mjpeg, yuyv422 or h264")
                .range("check every", c.checkSeconds(), 1, 3600, "s").problem();
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
        return new StreamLocator(text(c.device()), FORMAT, Map.of("input_format", text(c.inputFormat()),
                "video_size", text(c.videoSize()), "framerate", Integer.toString(c.framerate())));
    }

    /** The device node: there or not from the file system, whether it opens from FFmpeg. */
    static final class Node extends LocalDeviceWatch.Probed {

        private final Path path;

        Node(StreamLocator locator, MediaRuntime media) {
            super(locator, media, OPEN_TIME);
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
        protected String delivers(MediaInfo info) throws IOException {
            MediaInfo.Stream v = info.video().orElseThrow(() -> new IOException(path + " opened without a picture"));
            return v.codec() + " " + v.width() + "x" + v.height() + " " + Math.round(v.frameRate()) + " fps";
        }

        @Override
        protected IOException refusal(String ffmpeg) {
            String o = locator.options().get("input_format") + " " + locator.options().get("video_size") + " at "
                    + locator.options().get("framerate") + " fps";
            return switch (String.valueOf(ffmpeg)) {
                case "Device or resource busy" -> new LocalDeviceWatch.Busy(path + " is busy: another program is capturing from it");
                case "Inappropriate ioctl for device" -> new IOException(path + " is not a video capture device");
                case "Invalid argument" -> new IOException(path + " does not offer " + o + " (FFmpeg: Invalid argument)");
                case "No such file or directory", "No such device" -> new IOException("no device at " + path + " (unplugged?)");
                default -> new IOException("cannot open " + path + ": " + ffmpeg);
            };
        }
    }
}
