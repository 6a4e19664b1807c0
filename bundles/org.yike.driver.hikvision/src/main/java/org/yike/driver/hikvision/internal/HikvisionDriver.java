package org.yike.driver.hikvision.internal;

import org.osgi.service.component.annotations.Component;
import org.yike.api.device.DeviceDriver;

@Component
public class HikvisionDriver implements DeviceDriver {

    static final String ID = "hikvision";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Hikvision camera (ISAPI)";
    }

    @Override
    public String factoryPid() {
        return HikvisionCamera.PID;
    }
}
