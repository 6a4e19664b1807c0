package org.yike.driver.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.Device;
import org.yike.api.device.DeviceStatus;

/**
 * A device (camera, microphone) made from one factory configuration: its id, name (the id where none
 * is configured), classroom and driver. A DS component extending it names {@code service = Device.class}, as DS
 * registers only the interfaces a component class implements itself.
 */
public abstract class ConfiguredDevice implements Device {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredDevice.class);

    private final String driver;
    private final String id;
    private final String name;
    private final String classroom;

    protected ConfiguredDevice(String driver, String id, String name, String classroom) {
        this.driver = driver;
        this.id = ConfigCheck.text(id);
        this.name = ConfigCheck.text(name).isEmpty() ? this.id : ConfigCheck.text(name);
        this.classroom = ConfigCheck.text(classroom);
    }

    /** The status of a device whose configuration has {@code problem}: OFFLINE with it, logged once. */
    protected DeviceStatus refused(String problem) {
        LOG.error("Device {} ({}): configuration refused: {}", id, driver, problem);
        return DeviceStatus.offline("configuration: " + problem);
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
        return driver;
    }

    @Override
    public String classroom() {
        return classroom;
    }
}
