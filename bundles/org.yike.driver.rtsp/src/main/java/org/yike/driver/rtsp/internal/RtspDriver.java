package org.yike.driver.rtsp.internal;

import org.osgi.service.component.annotations.Component;
import org.yike.api.device.DeviceDriver;

@Component
public class RtspDriver implements DeviceDriver {

    static final String ID = "rtsp";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Network camera (RTSP, RTMP, SRT, HTTP)";
    }

    @Override
    public String factoryPid() {
        return RtspCamera.PID;
    }
}
