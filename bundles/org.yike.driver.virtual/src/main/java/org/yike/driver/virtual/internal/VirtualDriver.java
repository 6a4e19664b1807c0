package org.yike.driver.virtual.internal;

import org.osgi.service.component.annotations.Component;
import org.yike.api.device.DeviceDriver;
import org.yike.driver.support.FactoryDriver;

@Component(service = DeviceDriver.class)
public class VirtualDriver extends FactoryDriver {

    static final String ID = "virtual";

    public VirtualDriver() {
        super(ID, "Virtual classroom", VirtualClassroom.PID);
    }
}
