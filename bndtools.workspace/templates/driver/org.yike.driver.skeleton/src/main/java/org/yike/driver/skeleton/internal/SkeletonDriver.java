package org.yike.driver.skeleton.internal;

import org.osgi.service.component.annotations.Component;
import org.yike.api.device.DeviceDriver;

/** Tells the API (GET /api/drivers, POST /api/devices) which factory configurations make this driver's devices. */
@Component
public class SkeletonDriver implements DeviceDriver {

    static final String ID = "skeleton";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Skeleton camera";
    }

    @Override
    public String factoryPid() {
        return SkeletonCamera.PID;
    }
}
