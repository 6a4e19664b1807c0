package org.yike.driver.support;

import org.yike.api.device.DeviceDriver;

/**
 * A driver whose devices are the configurations of one factory PID, described by its id and name. A
 * DS component extending it names {@code service = DeviceDriver.class}, as DS registers only the
 * interfaces a component class implements itself.
 */
public abstract class FactoryDriver implements DeviceDriver {

    private final String id;
    private final String name;
    private final String factoryPid;

    /** @param name what the driver drives, in words, e.g. {@code Hikvision camera (ISAPI)} */
    protected FactoryDriver(String id, String name, String factoryPid) {
        this.id = id;
        this.name = name;
        this.factoryPid = factoryPid;
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
    public String factoryPid() {
        return factoryPid;
    }
}
