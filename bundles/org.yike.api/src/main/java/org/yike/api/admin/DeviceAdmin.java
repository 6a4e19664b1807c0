package org.yike.api.admin;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The classroom equipment as people see and change it: the drivers with the form of the
 * configuration each reads, the devices, and the ConfigAdmin factory configurations that make them.
 * No answer holds a password: sources show their URI with the credentials masked. {@link IOException}:
 * ConfigAdmin could not read or store a configuration.
 */
@ProviderType
public interface DeviceAdmin {

    /** How long a discovery waits for answers unless told, and adopting a device not seen lately looks for it. */
    Duration DISCOVERY_TIME = Duration.ofSeconds(3);

    /**
     * Every device, and in state {@link DeviceEntry.State#ERROR} each configuration of a driver that
     * made no device because its values no longer fit the driver's Metatype (a value missing, an
     * option gone after an update), with what does not fit.
     */
    List<DeviceEntry> devices() throws IOException;

    /** Every driver with the form of its devices' configuration, labelled in {@code locale} where the driver has it. */
    List<DriverEntry> drivers(Locale locale);

    /**
     * Adds a device: a factory configuration of its driver, each value checked against and converted
     * to the driver's Metatype; adopting a discovered device starts from the configuration discovery
     * found. Answers the device once the driver has made it (in state {@code CONNECTING} if it takes
     * longer than a few seconds).
     */
    DeviceEntry add(NewDevice device) throws IOException;

    /** Deletes the configuration that made the device; answers the device as it was listed. */
    DeviceEntry remove(String id) throws IOException;

    /** What the driver sees on the network now, waiting {@code timeout} for answers. */
    List<DiscoveredDevice> discover(String driver, Duration timeout) throws IOException;
}
