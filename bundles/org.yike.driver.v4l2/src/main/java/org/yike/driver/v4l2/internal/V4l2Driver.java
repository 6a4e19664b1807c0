package org.yike.driver.v4l2.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.DeviceDriver;
import org.yike.driver.support.FactoryDriver;

/**
 * Local cameras. {@link #discover} lists the video4linux nodes the kernel shows in sysfs, each with
 * the configuration that adopts it under its stable {@code /dev/v4l/by-id} path where udev made one
 * (a USB camera keeps it in any port and whatever was plugged first).
 */
@Component(service = DeviceDriver.class)
public class V4l2Driver extends FactoryDriver {

    static final String ID = "v4l2";
    private static final Logger LOG = LoggerFactory.getLogger(V4l2Driver.class);

    private final Path sys;
    private final Path dev;

    public V4l2Driver() {
        this(Path.of("/sys"), Path.of("/dev"));
    }

    /** @param sys where sysfs is mounted; @param dev where the device nodes are */
    V4l2Driver(Path sys, Path dev) {
        super(ID, "Local camera or capture card (V4L2)", V4l2Camera.PID);
        this.sys = sys;
        this.dev = dev;
    }

    /**
     * Nodes with index 0 only: a UVC camera also makes a metadata node (index 1) that gives no
     * picture, and udev numbers its {@code by-id} links the same way.
     */
    @Override
    public List<Discovered> discover(Duration timeout) {
        Path classDir = sys.resolve("class/video4linux");
        if (!Files.isDirectory(classDir)) return List.of();
        List<Discovered> found = new ArrayList<>();
        try (Stream<Path> nodes = Files.list(classDir)) {
            for (Path node : nodes.sorted().toList()) {
                if (!read(node.resolve("index")).orElse("0").equals("0")) continue;
                String kernelName = node.getFileName().toString();
                String name = read(node.resolve("name")).orElse(kernelName);
                String device = stablePath(dev.resolve(kernelName)).orElse(dev.resolve(kernelName)).toString();
                found.add(new Discovered(name + " (" + kernelName + ")", Map.of("name", name, "device", device)));
            }
        } catch (IOException e) {
            LOG.warn("Cannot list the cameras in {}", classDir, e);
        }
        return found;
    }

    /** The {@code /dev/v4l/by-id} link that leads to {@code node}, if udev made one. */
    private Optional<Path> stablePath(Path node) {
        Path byId = dev.resolve("v4l/by-id");
        if (!Files.isDirectory(byId) || !Files.exists(node)) return Optional.empty();
        try (Stream<Path> links = Files.list(byId)) {
            for (Path link : links.sorted().toList()) {
                if (Files.isSymbolicLink(link) && Files.exists(link) && Files.isSameFile(link, node)) return Optional.of(link);
            }
        } catch (IOException e) {
            LOG.warn("Cannot read {}", byId, e);
        }
        return Optional.empty();
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file).trim()).filter(s -> !s.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
