package org.yike.driver.hikvision.internal;

import org.osgi.service.component.annotations.Component;
import org.yike.api.device.DeviceDriver;
import org.yike.driver.support.FactoryDriver;

@Component(service = DeviceDriver.class)
public class HikvisionDriver extends FactoryDriver {

    static final String ID = "hikvision";

    public HikvisionDriver() {
        super(ID, "Hikvision camera (ISAPI)", HikvisionCamera.PID);
    }
}
