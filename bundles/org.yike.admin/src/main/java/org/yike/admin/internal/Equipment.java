package org.yike.admin.internal;

import static org.yike.api.admin.AdminRefused.Kind.CONFLICT;
import static org.yike.api.admin.AdminRefused.Kind.INVALID;
import static org.yike.api.admin.AdminRefused.Kind.NOT_FOUND;
import static org.yike.api.admin.AdminRefused.Kind.UNAVAILABLE;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.admin.AdminRefused;
import org.yike.api.admin.DeviceAdmin;
import org.yike.api.admin.DeviceEntry;
import org.yike.api.admin.DiscoveredDevice;
import org.yike.api.admin.DriverEntry;
import org.yike.api.admin.NewDevice;
import org.yike.api.admin.SourceEntry;
import org.yike.api.device.Device;
import org.yike.api.device.DeviceDriver;
import org.yike.api.device.DeviceDriver.Discovered;
import org.yike.api.device.Source;
import org.yike.api.device.StreamFigures;

/**
 * The classroom equipment: the drivers with the configuration each reads (its Metatype
 * description), the devices, and the ConfigAdmin factory configurations that make them.
 */
@Component
public class Equipment implements DeviceAdmin {

    /** How long an answer waits for a driver to make or drop the device of a configuration. */
    static final Duration DRIVER_TIME = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(Equipment.class);
    private static final String DEVICE_ID = "[A-Za-z0-9._-]+";

    private record Registered(Device device, Map<String, Object> properties) {
    }

    private record Driver(DeviceDriver driver, Bundle bundle) {
    }

    private final ConfigurationAdmin configurations;
    private final MetaTypeService metatypes;
    /** Guarded by itself; waited on for devices to come and go. */
    private final List<Registered> devices = new ArrayList<>();
    private final List<Driver> drivers = new CopyOnWriteArrayList<>();
    /** What each driver's last discovery found, by driver id and then by discovered id: what an adoption names. */
    private final Map<String, Map<String, Discovered>> discovered = new ConcurrentHashMap<>();

    @Activate
    public Equipment(@Reference ConfigurationAdmin configurations, @Reference MetaTypeService metatypes) {
        this.configurations = configurations;
        this.metatypes = metatypes;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeDevice")
    void addDevice(Device device, Map<String, Object> properties) {
        synchronized (devices) {
            devices.add(new Registered(device, properties));
            devices.notifyAll();
        }
    }

    void removeDevice(Device device) {
        synchronized (devices) {
            devices.removeIf(r -> r.device() == device);
            devices.notifyAll();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeDriver")
    void addDriver(DeviceDriver driver, ServiceReference<DeviceDriver> reference) {
        drivers.add(new Driver(driver, reference.getBundle()));
    }

    void removeDriver(DeviceDriver driver) {
        drivers.removeIf(d -> d.driver() == driver);
    }

    @Override
    public List<DeviceEntry> devices() throws IOException {
        List<DeviceEntry> out = new ArrayList<>(registered().stream().map(r -> entry(r.device())).toList());
        misfits().forEach(m -> out.add(m.listed()));
        return out;
    }

    /** A configuration its driver made no device of, with the device as listed in ERROR. */
    private record Misfit(Configuration configuration, DeviceEntry listed) {
    }

    private List<Misfit> misfits() throws IOException {
        Set<Object> made = registered().stream().map(r -> r.properties().get(Constants.SERVICE_PID)).collect(Collectors.toSet());
        List<Misfit> out = new ArrayList<>();
        for (Driver d : drivers) {
            Optional<ObjectClassDefinition> ocd = definition(d, null);
            if (ocd.isEmpty()) continue;
            for (Configuration c : configurationsOf(d)) {
                if (made.contains(c.getPid())) continue;
                Dictionary<String, Object> p = c.getProperties();
                String misfit = Forms.misfit(ocd.get(), p);
                if (misfit.isEmpty()) continue; // the driver has yet to make it
                String id = String.valueOf(Optional.ofNullable(p.get("id")).orElse(c.getPid()));
                out.add(new Misfit(c, new DeviceEntry(id, text(p.get("name")), d.driver().id(), text(p.get("classroom")),
                        DeviceEntry.State.ERROR, "configuration " + c.getPid() + " does not fit driver " + d.driver().id()
                                + ": " + misfit + "; change it or DELETE the device", List.of())));
            }
        }
        return out;
    }

    private List<Configuration> configurationsOf(Driver d) throws IOException {
        return listed("(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + escape(d.driver().factoryPid()) + ")");
    }

    @Override
    public List<DriverEntry> drivers(Locale locale) {
        return drivers.stream().map(d -> new DriverEntry(d.driver().id(), d.driver().name(), d.driver().factoryPid(),
                definition(d, locale.toString()).map(Forms::form).orElse(null))).toList();
    }

    /** One at a time, so two requests never pick the same new id. */
    @Override
    public synchronized DeviceEntry add(NewDevice device) throws IOException {
        if (device.driver() == null) throw new AdminRefused(INVALID, "'driver' must name one of: " + driverIds());
        Driver driver = driver(device.driver());
        String driverId = driver.driver().id();
        ObjectClassDefinition ocd = definition(driver, null).orElseThrow(() -> new AdminRefused(CONFLICT,
                "driver " + driverId + " describes no configuration"));

        Map<String, Object> given = new LinkedHashMap<>(device.values());
        if (device.discovered() != null) adopt(driver, device.discovered(), given);
        Hashtable<String, Object> properties = new Hashtable<>(Forms.typed(ocd, given, "driver " + driverId));
        String id = given.containsKey("id") ? checkedId(properties.get("id").toString())
                : newId(given.containsKey("name") ? properties.get("name").toString() : "", driverId);
        if (Forms.attributes(ocd).containsKey("id")) properties.put("id", id);
        Forms.requireComplete(ocd, properties);

        Configuration c = configurations.getFactoryConfiguration(driver.driver().factoryPid(), id, "?");
        c.update(properties);
        LOG.info("Device {} configured for driver {} ({})", id, driverId, c.getPid());
        return await(id, true).map(Equipment::entry).orElseGet(() -> new DeviceEntry(id, text(properties.get("name")),
                driverId, text(properties.get("classroom")), DeviceEntry.State.CONNECTING,
                "driver " + driverId + " has not made the device yet", List.of()));
    }

    @Override
    public List<DiscoveredDevice> discover(String driverId, Duration timeout) throws IOException {
        Driver driver = driver(driverId);
        Map<String, Discovered> found = discoverNow(driver, timeout);
        Set<String> secret = definition(driver, null).map(Forms::passwords).orElse(Set.of());
        List<DiscoveredDevice> out = new ArrayList<>();
        for (Map.Entry<String, Discovered> e : found.entrySet()) {
            Map<String, Object> configuration = new TreeMap<>(e.getValue().configuration());
            configuration.keySet().removeAll(secret);
            out.add(new DiscoveredDevice(e.getKey(), e.getValue().name(), configuration,
                    adoptedBy(driver, e.getValue()).orElse(null)));
        }
        return out;
    }

    private Map<String, Discovered> discoverNow(Driver driver, Duration timeout) {
        List<Discovered> answers;
        try {
            answers = driver.driver().discover(timeout);
        } catch (RuntimeException e) {
            throw new AdminRefused(UNAVAILABLE, "driver " + driver.driver().id() + " could not look for devices: " + e.getMessage());
        }
        Map<String, Discovered> found = new LinkedHashMap<>();
        for (Discovered d : answers) found.putIfAbsent(discoveredId(driver.driver().id(), d), d);
        discovered.put(driver.driver().id(), found);
        return found;
    }

    /**
     * A discovered device's id: a digest of its driver and the configuration that adopts it (the name
     * aside, which a camera may change), so it stays the same from one discovery to the next while the
     * device answers at the same address.
     */
    static String discoveredId(String driverId, Discovered d) {
        StringBuilder identity = new StringBuilder(driverId);
        new TreeMap<>(d.configuration()).forEach((k, v) -> {
            if (!k.equals("name")) identity.append('\n').append(k).append('=').append(v);
        });
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * The id of the device whose configuration already holds everything the discovered one would be
     * given (the name aside), if there is one.
     */
    private Optional<String> adoptedBy(Driver driver, Discovered d) throws IOException {
        for (Configuration c : configurationsOf(driver)) {
            Dictionary<String, Object> p = c.getProperties();
            if (p == null) continue;
            boolean same = d.configuration().entrySet().stream().filter(e -> !e.getKey().equals("name"))
                    .allMatch(e -> p.get(e.getKey()) != null && String.valueOf(p.get(e.getKey())).equals(String.valueOf(e.getValue())));
            if (same) return Optional.of(String.valueOf(p.get("id") != null ? p.get("id") : c.getPid()));
        }
        return Optional.empty();
    }

    /**
     * Adds what discovery found for the device {@code chosen} names to what is given; what is given
     * wins. Refused if the device is not (or no longer) to be seen, or adopted already.
     */
    private void adopt(Driver driver, String chosen, Map<String, Object> given) throws IOException {
        String driverId = driver.driver().id();
        Discovered d = discovered.getOrDefault(driverId, Map.of()).get(chosen);
        if (d == null) d = discoverNow(driver, DISCOVERY_TIME).get(chosen);
        if (d == null) {
            throw new AdminRefused(NOT_FOUND, "driver " + driverId + " sees no device '" + chosen
                    + "'; GET /api/drivers/" + driverId + "/discovered lists those it sees");
        }
        Optional<String> adopter = adoptedBy(driver, d);
        if (adopter.isPresent()) {
            throw new AdminRefused(CONFLICT, "'" + d.name() + "' is adopted already, as device " + adopter.get());
        }
        d.configuration().forEach(given::putIfAbsent);
    }

    @Override
    public DeviceEntry remove(String id) throws IOException {
        Optional<Registered> found = find(id);
        if (found.isEmpty()) return removeMisfit(id);
        Registered r = found.get();
        Object pid = r.properties().get(Constants.SERVICE_PID);
        if (pid == null) {
            throw new AdminRefused(CONFLICT, "device " + id + " was made by driver " + r.device().driver()
                    + " without a configuration (its default), so there is none to delete");
        }
        List<Configuration> made = listed("(" + Constants.SERVICE_PID + "=" + escape(pid.toString()) + ")");
        if (made.isEmpty()) throw new AdminRefused(NOT_FOUND, "the configuration of device " + id + " is gone already");
        DeviceEntry answer = entry(r.device());
        made.get(0).delete();
        LOG.info("Device {} removed: configuration {} deleted", id, pid);
        await(id, false);
        return answer;
    }

    /** Deletes the configuration of a device listed in ERROR (one its driver could not make). */
    private DeviceEntry removeMisfit(String id) throws IOException {
        Misfit m = misfits().stream().filter(f -> id.equals(f.listed().id())).findFirst()
                .orElseThrow(() -> new AdminRefused(NOT_FOUND, "no device '" + id + "'"));
        String pid = m.configuration().getPid(); // a deleted configuration no longer tells its PID
        m.configuration().delete();
        LOG.info("Device {} removed: configuration {}, which did not fit its driver, deleted", id, pid);
        return m.listed();
    }

    private static DeviceEntry entry(Device d) {
        List<SourceEntry> sources = new ArrayList<>();
        for (Source s : d.sources()) {
            sources.add(new SourceEntry(s.id(), s.key(), s.label(), s.role(), s.locator().redacted(), figures(d, s).orElse(null)));
        }
        return new DeviceEntry(d.id(), d.name(), d.driver(), d.classroom(), DeviceEntry.State.valueOf(d.status().state().name()),
                d.status().reason(), sources);
    }

    /** What the driver last measured of the source; a driver that fails to say costs the list nothing. */
    private static Optional<StreamFigures> figures(Device d, Source s) {
        try {
            return d.figures(s.id());
        } catch (RuntimeException e) {
            LOG.warn("Device {} did not give the figures of {}", d.id(), s.id(), e);
            return Optional.empty();
        }
    }

    /** The driver's configuration description from the Metatype of its bundle, if it has one. */
    private Optional<ObjectClassDefinition> definition(Driver d, String locale) {
        return Forms.definition(metatypes, d.bundle(), d.driver().factoryPid(), true, locale);
    }

    private String checkedId(String id) throws IOException {
        if (!id.matches(DEVICE_ID)) throw new AdminRefused(INVALID, "id '" + id + "' must be letters, digits, . _ -");
        if (taken(id)) throw new AdminRefused(CONFLICT, "there is a device '" + id + "' already");
        return id;
    }

    /** An id made from the name ("Front camera" → front-camera), else from the driver, unused so far. */
    private String newId(String name, String driver) throws IOException {
        String base = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (base.isEmpty()) base = driver;
        String id = base;
        for (int n = 2; taken(id); n++) id = base + "-" + n;
        return id;
    }

    /** Whether a device has the id, or a configuration would make one with it. */
    private boolean taken(String id) throws IOException {
        return find(id).isPresent() || !listed("(id=" + escape(id) + ")").isEmpty();
    }

    private List<Configuration> listed(String filter) throws IOException {
        try {
            Configuration[] found = configurations.listConfigurations(filter);
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("cannot look up configurations " + filter + ": " + e.getMessage(), e);
        }
    }

    private Optional<Registered> find(String id) {
        return registered().stream().filter(r -> r.device().id().equals(id)).findFirst();
    }

    private List<Registered> registered() {
        synchronized (devices) {
            return List.copyOf(devices);
        }
    }

    /** The device once it is there ({@code present}) or gone, within {@link #DRIVER_TIME}. */
    private Optional<Device> await(String id, boolean present) {
        long deadline = System.nanoTime() + DRIVER_TIME.toNanos();
        synchronized (devices) {
            try {
                while (find(id).isPresent() != present && System.nanoTime() < deadline) {
                    devices.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return find(id).map(Registered::device);
    }

    private Driver driver(String id) {
        return drivers.stream().filter(d -> d.driver().id().equals(id)).findFirst()
                .orElseThrow(() -> new AdminRefused(NOT_FOUND, "no driver '" + id + "'; drivers: " + driverIds()));
    }

    private String driverIds() {
        return drivers.stream().map(d -> d.driver().id()).sorted().collect(Collectors.joining(", "));
    }

    /** A filter value with the characters LDAP filters reserve escaped. */
    static String escape(String value) {
        return value.replaceAll("([\\\\*()])", "\\\\$1");
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
