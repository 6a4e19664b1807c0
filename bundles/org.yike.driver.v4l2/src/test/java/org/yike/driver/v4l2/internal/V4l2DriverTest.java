package org.yike.driver.v4l2.internal;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.device.DeviceDriver.Discovered;

/**
 * Discovery on a sysfs and /dev tree laid out as the kernel and udev make them for a Logitech C920
 * (capture node and metadata node) and a capture card that udev gave no by-id link.
 */
public class V4l2DriverTest {

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void captureNodesAreFoundUnderTheirStablePath() throws Exception {
        Path root = folder.getRoot().toPath();
        Path sys = root.resolve("sys");
        Path dev = root.resolve("dev");
        node(sys, dev, "video0", "HD Pro Webcam C920", 0);
        node(sys, dev, "video1", "HD Pro Webcam C920", 1);
        node(sys, dev, "video2", "USB3.0 HD Video Capture", 0);
        Path byId = Files.createDirectories(dev.resolve("v4l/by-id"));
        Files.createSymbolicLink(byId.resolve("usb-046d_HD_Pro_Webcam_C920_A1B2C3D4-video-index0"), Path.of("../../video0"));
        Files.createSymbolicLink(byId.resolve("usb-046d_HD_Pro_Webcam_C920_A1B2C3D4-video-index1"), Path.of("../../video1"));

        List<Discovered> found = new V4l2Driver(sys, dev).discover(Duration.ofSeconds(1));

        assertEquals(List.of(
                new Discovered("HD Pro Webcam C920 (video0)", Map.of("name", "HD Pro Webcam C920",
                        "device", byId.resolve("usb-046d_HD_Pro_Webcam_C920_A1B2C3D4-video-index0").toString())),
                new Discovered("USB3.0 HD Video Capture (video2)", Map.of("name", "USB3.0 HD Video Capture",
                        "device", dev.resolve("video2").toString()))), found);
    }

    @Test
    public void aMachineWithoutVideo4LinuxHasNothingToFind() {
        Path root = folder.getRoot().toPath();
        assertEquals(List.of(), new V4l2Driver(root.resolve("sys"), root.resolve("dev")).discover(Duration.ofSeconds(1)));
    }

    private static void node(Path sys, Path dev, String kernelName, String name, int index) throws Exception {
        Path dir = Files.createDirectories(sys.resolve("class/video4linux").resolve(kernelName));
        Files.writeString(dir.resolve("name"), name + "\n");
        Files.writeString(dir.resolve("index"), index + "\n");
        Files.createDirectories(dev);
        Files.createFile(dev.resolve(kernelName));
    }
}
