package org.yike.driver.virtual.internal;

import org.osgi.service.component.annotations.Component;
import org.yike.api.device.DeviceDriver;

@Component
public class VirtualDriver implements DeviceDriver {

    static final String ID = "virtual";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Virtual classroom";
    }

    @Override
    public String factoryPid() {
        return VirtualClassroom.PID;
    }
}
