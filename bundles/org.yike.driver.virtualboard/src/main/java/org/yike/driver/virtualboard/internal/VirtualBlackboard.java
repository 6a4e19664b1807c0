package org.yike.driver.virtualboard.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.Device;
import org.yike.api.device.DeviceDriver;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.Role;
import org.yike.api.device.Source;
import org.yike.api.device.StreamLocator;

/** A blackboard camera made of a cellular automaton (the "chalk"), paced to real time, keyed yellow. */
@Component(configurationPid = VirtualBlackboard.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = BlackboardConfig.class, factory = true)
public class VirtualBlackboard implements Device {

    static final String PID = "org.yike.driver.virtualboard";
    static final String DRIVER = "virtualboard";

    private final BlackboardConfig config;
    private final Source source;
    private final ScheduledExecutorService script;

    @Activate
    public VirtualBlackboard(BlackboardConfig config, @Reference EventAdmin events) {
        this.config = config;
        int k = Math.max(8, config.height() / 12) & ~1;
        String graph = "cellauto=size=" + config.width() + "x" + config.height() + ":rate=" + config.fps()
                + ":rule=18:random_fill_ratio=0.5,format=yuv420p,drawbox=x=iw-" + k + ":y=ih-" + k + ":w=" + k
                + ":h=" + k + ":color=0xFFFF00:t=fill,realtime";
        source = new Source(config.id(), "board", "Blackboard " + config.classroom(), Role.BLACKBOARD,
                new StreamLocator(graph, "lavfi", Map.of()));
        script = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "yike-virtualboard-" + config.id()));
        if (config.writesEverySeconds() > 0) {
            script.scheduleAtFixedRate(() -> {
                ClassroomEvent e = new ClassroomEvent(ClassroomEvent.Type.BLACKBOARD_WRITING, config.classroom(),
                        config.id(), "board", null, null, null);
                events.postEvent(new Event(e.topic(), e.properties()));
            }, config.writesEverySeconds(), config.writesEverySeconds(), TimeUnit.SECONDS);
        }
    }

    /** No event of this blackboard goes out after it is gone. */
    @Deactivate
    void deactivate() throws InterruptedException {
        script.shutdownNow();
        script.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public String name() {
        return "Virtual blackboard camera " + config.classroom();
    }

    @Override
    public String driver() {
        return DRIVER;
    }

    @Override
    public String classroom() {
        return config.classroom();
    }

    @Override
    public DeviceStatus status() {
        return DeviceStatus.online();
    }

    @Override
    public List<Source> sources() {
        return List.of(source);
    }

    @Component
    public static class Driver implements DeviceDriver {

        @Override
        public String id() {
            return DRIVER;
        }

        @Override
        public String name() {
            return "Virtual blackboard camera";
        }

        @Override
        public String factoryPid() {
            return PID;
        }
    }
}
