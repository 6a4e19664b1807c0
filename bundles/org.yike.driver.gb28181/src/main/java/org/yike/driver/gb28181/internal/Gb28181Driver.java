package org.yike.driver.gb28181.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.DeviceDriver;
import org.yike.driver.support.ConfigCheck;
import org.yike.driver.support.FactoryDriver;

/**
 * The GB/T 28181 driver: Yike as the platform that campus cameras and NVRs register to by SIP. Each
 * channel of a registered device's catalog is a discovered device; adopted, it is a
 * {@link Gb28181Channel}. The platform listens only once an address and a password are configured.
 */
@Component(service = { DeviceDriver.class, Gb28181Driver.class }, configurationPid = Gb28181Driver.PID)
@Designate(ocd = PlatformConfig.class)
public class Gb28181Driver extends FactoryDriver {

    static final String ID = "gb28181";
    static final String PID = "org.yike.driver.gb28181";
    private static final Logger LOG = LoggerFactory.getLogger(Gb28181Driver.class);

    private volatile SipPlatform platform;
    private volatile String idle = "the platform is not configured";
    private volatile int[] rtpPorts = { 30000, 30999 };

    public Gb28181Driver() {
        super(ID, "GB/T 28181 camera or NVR (SIP)", Gb28181Channel.PID);
    }

    @Activate
    @Modified
    synchronized void configure(PlatformConfig config) {
        stop();
        rtpPorts = new int[] { config.rtpPortFirst(), config.rtpPortLast() };
        String problem = problem(config);
        if (problem != null) {
            idle = problem;
            if (!ConfigCheck.text(config.address()).isEmpty() || !config.password().isEmpty()) {
                LOG.error("GB/T 28181 platform: configuration refused: {}", problem);
            } else {
                LOG.info("GB/T 28181 platform not listening: {}", problem);
            }
            return;
        }
        try {
            platform = new SipPlatform(new SipPlatform.Settings(ConfigCheck.text(config.address()), config.port(),
                    ConfigCheck.text(config.id()), config.password(), Duration.ofSeconds(config.keepaliveSeconds())),
                    Clock.systemUTC());
        } catch (IOException e) {
            idle = e.getMessage();
            LOG.error("GB/T 28181 platform: {}", e.getMessage());
        }
    }

    /** What keeps the platform from listening, or {@code null}; never quotes the password. */
    static String problem(PlatformConfig c) {
        return new ConfigCheck()
                .require(!ConfigCheck.text(c.address()).isEmpty(), "address is empty: set the IP address cameras reach Yike at")
                // the address goes into the INVITEs' SDP as where the pictures go: a wildcard reaches nobody
                .require(!List.of("0.0.0.0", "::", "[::]").contains(ConfigCheck.text(c.address())),
                        "address must be one of this machine's addresses, not a wildcard")
                .require(!c.password().isEmpty(), "password is empty: cameras register with it")
                .require(ConfigCheck.text(c.id()).matches("\\d{20}"), "platform id must be 20 digits")
                .range("SIP port", c.port(), 1, 65535, "")
                .range("keepalive", c.keepaliveSeconds(), 1, 3600, "s")
                .require(c.rtpPortFirst() >= 1024 && c.rtpPortFirst() <= c.rtpPortLast() && c.rtpPortLast() <= 65535,
                        "RTP ports must be a range within 1024..65535")
                .problem();
    }

    @Deactivate
    synchronized void stop() {
        if (platform != null) platform.close();
        platform = null;
    }

    /** The platform listening now, or why there is none. */
    Optional<SipPlatform> platform() {
        return Optional.ofNullable(platform);
    }

    String idle() {
        return idle;
    }

    /** The first and last UDP port the channels' RTP is received on. */
    int[] rtpPorts() {
        return rtpPorts.clone();
    }

    /** Each channel of each registered device, with the configuration that adopts it. */
    @Override
    public List<Discovered> discover(Duration timeout) {
        SipPlatform p = platform;
        if (p == null) return List.of();
        List<Discovered> found = new ArrayList<>();
        for (SipPlatform.Found f : p.channels()) {
            String name = f.channel().name().isEmpty() ? f.channel().id() : f.channel().name();
            found.add(new Discovered(name + " (" + f.device().label() + ")",
                    Map.of("name", name, "device", f.device().id(), "channel", f.channel().id())));
        }
        return found;
    }
}
