package org.yike.driver.rtsp.internal;

import org.osgi.service.component.annotations.Component;
import org.yike.api.device.DeviceDriver;
import org.yike.driver.support.FactoryDriver;

@Component(service = DeviceDriver.class)
public class RtspDriver extends FactoryDriver {

    static final String ID = "rtsp";

    public RtspDriver() {
        super(ID, "Network camera (RTSP, RTMP, SRT, HTTP)", RtspCamera.PID);
    }
}
