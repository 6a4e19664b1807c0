package org.yike.driver.gb28181.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.yike.api.device.Device;
import org.yike.api.device.DeviceStatus;
import org.yike.api.device.Ptz;
import org.yike.api.device.Role;
import org.yike.api.device.Source;
import org.yike.api.device.StreamLocator;
import org.yike.driver.support.ConfigCheck;
import org.yike.driver.support.ConfiguredDevice;

/**
 * One channel of a GB/T 28181 camera or NVR, adopted into a classroom: online while its device is
 * registered, keeps alive and lists the channel in its catalog; its picture is the PS the channel
 * sends when INVITEd, which FFmpeg reads from the channel's {@link PsBridge}.
 */
@Component(service = Device.class, configurationPid = Gb28181Channel.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ChannelConfig.class, factory = true)
public class Gb28181Channel extends ConfiguredDevice {

    static final String PID = "org.yike.driver.gb28181.channel";

    private final Gb28181Driver driver;
    private final DeviceStatus refused;
    private final String deviceId;
    private final String channelId;
    private final Role role;
    private final PsBridge bridge;
    private final ChannelPtz ptz;

    @Activate
    public Gb28181Channel(ChannelConfig config, @Reference Gb28181Driver driver) throws IOException {
        super(Gb28181Driver.ID, config.id(), config.name(), config.classroom());
        this.driver = driver;
        this.deviceId = ConfigCheck.text(config.device());
        this.channelId = ConfigCheck.text(config.channel());
        this.role = Role.named(config.role());
        String problem = problem(config);
        refused = problem == null ? null : refused(problem);
        bridge = problem == null ? new PsBridge(id(), deviceId, channelId, driver::platform, driver.rtpPorts(),
                ConfigCheck.text(config.transport())) : null;
        ptz = problem == null ? new ChannelPtz(id(), deviceId, channelId, driver::platform) : null;
    }

    static String problem(ChannelConfig c) {
        return new ConfigCheck().device(c.id(), c.classroom(), c.role())
                .require(ConfigCheck.text(c.device()).matches("\\d{20}"), "device must be the camera's or NVR's 20-digit id")
                .require(ConfigCheck.text(c.channel()).matches("\\d{20}"), "channel must be the channel's 20-digit id")
                .require(List.of("udp", "tcp", "tcp-active").contains(ConfigCheck.text(c.transport())), "transport must be udp, tcp or tcp-active")
                .problem();
    }

    @Deactivate
    void deactivate() {
        if (bridge != null) bridge.close();
    }

    @Override
    public DeviceStatus status() {
        if (refused != null) return refused;
        return driver.platform().map(p -> p.status(deviceId, channelId))
                .orElseGet(() -> DeviceStatus.offline("the GB/T 28181 platform is not listening: " + driver.idle()));
    }

    /** PTZ commands go to any channel: a fixed camera ignores them, and GB/T 28181 does not say which can turn. */
    @Override
    public Optional<Ptz> ptz() {
        return Optional.ofNullable(ptz);
    }

    /** The channel's picture, whether or not the device is there now: the recording waits for it like for any camera. */
    @Override
    public List<Source> sources() {
        if (bridge == null) return List.of();
        // the bridge ends a stream that stops; FFmpeg gives up on a silent reader after as long
        StreamLocator locator = new StreamLocator(bridge.uri(), "mpeg",
                Map.of("rw_timeout", Long.toString(PsBridge.LOST_AFTER.toMillis() * 1000)));
        return List.of(new Source(id(), "video", name(), role, locator));
    }
}
