package org.yike.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.lang.reflect.Array;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.Iterator;
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
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.Device;
import org.yike.api.device.DeviceDriver;
import org.yike.api.device.DeviceDriver.Discovered;
import org.yike.api.device.Source;
import org.yike.api.device.StreamFigures;

/**
 * The classroom equipment as the API shows and changes it: the drivers with the configuration each
 * reads (its Metatype description), the devices, and the ConfigAdmin factory configurations that
 * make them. No answer holds a password: sources show their URI with the credentials masked.
 */
@Component(service = Equipment.class)
public class Equipment {

    /** How long an answer waits for a driver to make or drop the device of a configuration. */
    static final Duration DRIVER_TIME = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(Equipment.class);
    private static final Set<String> BODY = Set.of("driver", "id", "name", "classroom", "role", "config", "discovered");
    /** How long adopting a device the last discovery did not list looks for it again. */
    static final Duration DISCOVERY_TIME = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();
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

    /**
     * Every device as the API lists it, and in state {@code ERROR} each configuration of a driver that
     * made no device because its values no longer fit the driver's Metatype (a value missing, an
     * option gone after an update), with what does not fit.
     */
    List<Map<String, Object>> devices() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>(registered().stream().map(r -> describe(r.device())).toList());
        misfits().forEach(m -> out.add(m.listed()));
        return out;
    }

    /** A configuration its driver made no device of, with the device as listed in ERROR. */
    private record Misfit(Configuration configuration, Map<String, Object> listed) {
    }

    private List<Misfit> misfits() throws IOException {
        Set<Object> made = registered().stream().map(r -> r.properties().get(Constants.SERVICE_PID)).collect(Collectors.toSet());
        List<Misfit> out = new ArrayList<>();
        for (Driver d : drivers) {
            Optional<ObjectClassDefinition> ocd = definition(d, null);
            if (ocd.isEmpty()) continue;
            for (Configuration c : configurationsOf(d)) {
                if (made.contains(c.getPid())) continue;
                String misfit = misfit(ocd.get(), c.getProperties());
                if (misfit.isEmpty()) continue; // the driver has yet to make it
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", String.valueOf(Optional.ofNullable(c.getProperties().get("id")).orElse(c.getPid())));
                m.put("name", c.getProperties().get("name"));
                m.put("driver", d.driver().id());
                m.put("classroom", c.getProperties().get("classroom"));
                m.put("state", "ERROR");
                m.put("reason", "configuration " + c.getPid() + " does not fit driver " + d.driver().id() + ": " + misfit
                        + "; change it or DELETE the device");
                m.put("sources", List.of());
                out.add(new Misfit(c, m));
            }
        }
        return out;
    }

    /** What of {@code p} the description refuses, in words; empty if it fits. */
    private static String misfit(ObjectClassDefinition ocd, Dictionary<String, Object> p) {
        List<String> problems = new ArrayList<>();
        for (AttributeDefinition ad : ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED)) {
            if (p.get(ad.getID()) == null && ad.getDefaultValue() == null) problems.add("missing " + ad.getID());
        }
        for (AttributeDefinition ad : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            Object v = p.get(ad.getID());
            if (v == null) continue;
            List<Object> values = new ArrayList<>();
            if (v.getClass().isArray()) {
                for (int i = 0; i < Array.getLength(v); i++) values.add(Array.get(v, i));
            } else if (v instanceof Collection<?> c) {
                values.addAll(c);
            } else {
                values.add(v);
            }
            for (Object value : values) {
                try {
                    scalar(ad, JSON.valueToTree(value));
                } catch (Refused refused) {
                    problems.add(refused.getMessage());
                }
            }
        }
        return String.join("; ", problems);
    }

    private List<Configuration> configurationsOf(Driver d) throws IOException {
        try {
            Configuration[] found = configurations.listConfigurations(
                    "(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + escape(d.driver().factoryPid()) + ")");
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every driver with the configuration its devices read, labelled in {@code locale} where the driver has it. */
    List<Map<String, Object>> drivers(Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Driver d : drivers) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", d.driver().id());
            m.put("name", d.driver().name());
            m.put("factoryPid", d.driver().factoryPid());
            m.put("configuration", definition(d, locale.toString()).map(Equipment::describe).orElse(null));
            out.add(m);
        }
        return out;
    }

    /**
     * Adds a device: a factory configuration of the driver named in {@code body}, from {@code name},
     * {@code classroom}, {@code role}, an optional {@code id} and the {@code config} object, each
     * checked against and converted to the driver's Metatype description. Answers the device as
     * listed once the driver has made it. One at a time, so two requests never pick the same new id.
     */
    synchronized Map<String, Object> add(JsonNode body) throws IOException {
        for (String field : iterable(body.fieldNames())) {
            if (!BODY.contains(field)) {
                throw new Refused(400, "unknown field '" + field + "'; a device has " + String.join(", ", BODY));
            }
        }
        JsonNode driverName = body.path("driver");
        if (!driverName.isTextual()) throw new Refused(400, "'driver' must name one of: " + driverIds());
        Driver driver = driver(driverName.asText());
        ObjectClassDefinition ocd = definition(driver, null).orElseThrow(() -> new IllegalStateException(
                "driver " + driver.driver().id() + " describes no configuration"));
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        for (AttributeDefinition ad : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) attributes.put(ad.getID(), ad);

        Map<String, JsonNode> given = given(body);
        if (body.has("discovered")) adopt(driver, body.get("discovered"), given);
        Hashtable<String, Object> properties = new Hashtable<>();
        for (Map.Entry<String, JsonNode> e : given.entrySet()) {
            AttributeDefinition ad = attributes.get(e.getKey());
            if (ad == null) {
                throw new Refused(400, "driver " + driver.driver().id() + " has no attribute '" + e.getKey()
                        + "'; it has " + String.join(", ", attributes.keySet()));
            }
            properties.put(e.getKey(), convert(ad, e.getValue()));
        }
        String id = given.containsKey("id") ? checkedId(properties.get("id").toString())
                : newId(given.containsKey("name") ? properties.get("name").toString() : "", driver.driver().id());
        if (attributes.containsKey("id")) properties.put("id", id);
        List<String> missing = Arrays.stream(ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED))
                .filter(ad -> !properties.containsKey(ad.getID()) && ad.getDefaultValue() == null)
                .map(AttributeDefinition::getID).toList();
        if (!missing.isEmpty()) throw new Refused(400, "missing " + String.join(", ", missing));

        Configuration c = configurations.getFactoryConfiguration(driver.driver().factoryPid(), id, "?");
        c.update(properties);
        LOG.info("Device {} configured for driver {} ({})", id, driver.driver().id(), c.getPid());
        return await(id, true).map(Equipment::describe).orElseGet(() -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("driver", driver.driver().id());
            m.put("state", "CONNECTING");
            m.put("reason", "driver " + driver.driver().id() + " has not made the device yet");
            return m;
        });
    }

    /**
     * What the driver sees on the network now (waiting {@code timeout} for answers): each with an id
     * that adopts it, its name, the configuration it would be given (passwords left out) and the
     * device that adopted it already, if one did.
     */
    List<Map<String, Object>> discover(String driverId, Duration timeout) throws IOException {
        Driver driver = driver(driverId);
        Map<String, Discovered> found = discoverNow(driver, timeout);
        Set<String> secret = definition(driver, null).map(Equipment::passwords).orElse(Set.of());
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, Discovered> e : found.entrySet()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.getKey());
            m.put("name", e.getValue().name());
            Map<String, Object> configuration = new TreeMap<>(e.getValue().configuration());
            configuration.keySet().removeAll(secret);
            m.put("configuration", configuration);
            Optional<String> adopter = adoptedBy(driver, e.getValue());
            m.put("adopted", adopter.isPresent());
            m.put("device", adopter.orElse(null));
            out.add(m);
        }
        return out;
    }

    private Map<String, Discovered> discoverNow(Driver driver, Duration timeout) {
        List<Discovered> answers;
        try {
            answers = driver.driver().discover(timeout);
        } catch (RuntimeException e) {
            throw new Refused(502, "driver " + driver.driver().id() + " could not look for devices: " + e.getMessage());
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
        Configuration[] made;
        try {
            made = configurations.listConfigurations(
                    "(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + escape(driver.driver().factoryPid()) + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (made == null) return Optional.empty();
        for (Configuration c : made) {
            Dictionary<String, Object> p = c.getProperties();
            if (p == null) continue;
            boolean same = d.configuration().entrySet().stream().filter(e -> !e.getKey().equals("name"))
                    .allMatch(e -> p.get(e.getKey()) != null && String.valueOf(p.get(e.getKey())).equals(String.valueOf(e.getValue())));
            if (same) return Optional.of(String.valueOf(p.get("id") != null ? p.get("id") : c.getPid()));
        }
        return Optional.empty();
    }

    /**
     * Adds what discovery found for the device {@code chosen} names to what the request gives; what
     * the request gives wins. Refused if the device is not (or no longer) to be seen, or adopted already.
     */
    private void adopt(Driver driver, JsonNode chosen, Map<String, JsonNode> given) throws IOException {
        if (!chosen.isTextual()) throw new Refused(400, "'discovered' must be the id of a discovered device");
        String driverId = driver.driver().id();
        Discovered d = discovered.getOrDefault(driverId, Map.of()).get(chosen.asText());
        if (d == null) d = discoverNow(driver, DISCOVERY_TIME).get(chosen.asText());
        if (d == null) {
            throw new IllegalArgumentException("driver " + driverId + " sees no device '" + chosen.asText()
                    + "'; GET /api/drivers/" + driverId + "/discovered lists those it sees");
        }
        Optional<String> adopter = adoptedBy(driver, d);
        if (adopter.isPresent()) {
            throw new IllegalStateException("'" + d.name() + "' is adopted already, as device " + adopter.get());
        }
        d.configuration().forEach((k, v) -> given.putIfAbsent(k, JSON.valueToTree(v)));
    }

    /** Deletes the configuration that made the device; answers the device as it was listed. */
    Map<String, Object> remove(String id) throws IOException {
        Optional<Registered> found = find(id);
        if (found.isEmpty()) return removeMisfit(id);
        Registered r = found.get();
        Object pid = r.properties().get(Constants.SERVICE_PID);
        if (pid == null) {
            throw new IllegalStateException("device " + id + " was made by driver " + r.device().driver()
                    + " without a configuration (its default), so there is none to delete");
        }
        Configuration[] made;
        try {
            made = configurations.listConfigurations("(" + Constants.SERVICE_PID + "=" + escape(pid.toString()) + ")");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("cannot look up configuration " + pid + ": " + e.getMessage(), e);
        }
        if (made == null) throw new IllegalArgumentException("the configuration of device " + id + " is gone already");
        Map<String, Object> answer = describe(r.device());
        made[0].delete();
        LOG.info("Device {} removed: configuration {} deleted", id, pid);
        await(id, false);
        return answer;
    }

    /** Deletes the configuration of a device listed in ERROR (one its driver could not make). */
    private Map<String, Object> removeMisfit(String id) throws IOException {
        Misfit m = misfits().stream().filter(f -> id.equals(f.listed().get("id"))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no device '" + id + "'"));
        m.configuration().delete();
        LOG.info("Device {} removed: configuration {}, which did not fit its driver, deleted", id, m.configuration().getPid());
        return m.listed();
    }

    private static Map<String, Object> describe(Device d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("name", d.name());
        m.put("driver", d.driver());
        m.put("classroom", d.classroom());
        m.put("state", d.status().state().name());
        m.put("reason", d.status().reason());
        List<Map<String, Object>> sources = new ArrayList<>();
        for (Source s : d.sources()) {
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("id", s.id());
            source.put("key", s.key());
            source.put("label", s.label());
            source.put("role", s.role().name());
            source.put("uri", s.locator().redacted());
            figures(d, s).ifPresent(f -> source.put("figures", f));
            sources.add(source);
        }
        m.put("sources", sources);
        return m;
    }

    /** What the driver last measured of the source; a driver that fails to say costs the list nothing. */
    private static Optional<StreamFigures> figures(Device d, Source s) {
        try {
            return d.figures(s.id());
        } catch (RuntimeException e) {
            LOG.warn("Device {} did not give the figures of {}: {}", d.id(), s.id(), e.toString());
            return Optional.empty();
        }
    }

    static Map<String, Object> describe(ObjectClassDefinition ocd) {
        Set<String> required = Stream.of(ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED))
                .map(AttributeDefinition::getID).collect(Collectors.toSet());
        List<Map<String, Object>> attributes = new ArrayList<>();
        for (AttributeDefinition ad : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", ad.getID());
            a.put("name", ad.getName());
            a.put("description", ad.getDescription());
            a.put("type", typeName(ad.getType()));
            if (ad.getCardinality() != 0) a.put("cardinality", ad.getCardinality());
            if (ad.getDefaultValue() != null && ad.getType() != AttributeDefinition.PASSWORD) {
                List<Object> defaults = Stream.of(ad.getDefaultValue()).map(v -> parse(ad.getType(), v)).toList();
                a.put("default", ad.getCardinality() == 0 ? defaults.get(0) : defaults);
            }
            if (hasOptions(ad)) {
                List<Map<String, String>> options = new ArrayList<>();
                for (int i = 0; i < ad.getOptionValues().length; i++) {
                    options.add(Map.of("value", ad.getOptionValues()[i], "label", ad.getOptionLabels()[i]));
                }
                a.put("options", options);
            }
            a.put("required", required.contains(ad.getID()));
            attributes.add(a);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", ocd.getName());
        m.put("description", ocd.getDescription());
        m.put("attributes", attributes);
        return m;
    }

    private static Set<String> passwords(ObjectClassDefinition ocd) {
        return Stream.of(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL))
                .filter(ad -> ad.getType() == AttributeDefinition.PASSWORD).map(AttributeDefinition::getID)
                .collect(Collectors.toSet());
    }

    /** The driver's configuration description from the Metatype of its bundle, if it has one. */
    private Optional<ObjectClassDefinition> definition(Driver d, String locale) {
        MetaTypeInformation info = metatypes.getMetaTypeInformation(d.bundle());
        if (info == null || !Arrays.asList(info.getFactoryPids()).contains(d.driver().factoryPid())) {
            return Optional.empty();
        }
        return Optional.of(info.getObjectClassDefinition(d.driver().factoryPid(), locale));
    }

    /** The attributes the body gives: the device fields at its top level and those in {@code config}. */
    private static Map<String, JsonNode> given(JsonNode body) {
        JsonNode config = body.path("config");
        if (!config.isMissingNode() && !config.isObject()) throw new Refused(400, "'config' must be a JSON object");
        Map<String, JsonNode> given = new LinkedHashMap<>();
        for (String field : List.of("id", "name", "classroom", "role")) {
            if (body.hasNonNull(field)) given.put(field, body.get(field));
        }
        for (Map.Entry<String, JsonNode> e : iterable(config.fields())) {
            if (given.containsKey(e.getKey())) {
                throw new Refused(400, "'" + e.getKey() + "' is given twice, at the top and in config");
            }
            if (!e.getValue().isNull()) given.put(e.getKey(), e.getValue());
        }
        return given;
    }

    /** A JSON value as the attribute's type: one value, an array or a list by its cardinality. */
    static Object convert(AttributeDefinition ad, JsonNode value) {
        if (ad.getCardinality() == 0) return scalar(ad, value);
        if (!value.isArray()) throw new Refused(400, "'" + ad.getID() + "' must be a JSON array");
        List<Object> values = new ArrayList<>();
        for (JsonNode v : value) values.add(scalar(ad, v));
        if (ad.getCardinality() < 0) return values;
        Object array = Array.newInstance(javaType(ad.getType()), values.size());
        for (int i = 0; i < values.size(); i++) Array.set(array, i, values.get(i));
        return array;
    }

    private static Object scalar(AttributeDefinition ad, JsonNode v) {
        boolean secret = ad.getType() == AttributeDefinition.PASSWORD;
        String what = "'" + ad.getID() + "'" + (secret ? "" : " '" + v.asText() + "'");
        String wrongType = what + " must be of type " + typeName(ad.getType());
        if (!v.isValueNode() || v.isNull()) throw new Refused(400, wrongType);
        Object parsed;
        try {
            parsed = parse(ad.getType(), v.asText());
        } catch (IllegalArgumentException e) {
            throw new Refused(400, wrongType);
        }
        // Metatype's own check: options, minimum, maximum; its words may come as an untranslated %key
        String problem = ad.validate(v.asText());
        if (problem != null && !problem.isEmpty()) {
            String options = hasOptions(ad) ? " (" + String.join(", ", ad.getOptionValues()) + ")" : "";
            throw new Refused(400, what + " is refused: " + problem.replaceFirst("^%", "") + options);
        }
        return parsed;
    }

    private static boolean hasOptions(AttributeDefinition ad) {
        return ad.getOptionValues() != null && ad.getOptionValues().length > 0;
    }

    private static Object parse(int type, String s) {
        String t = s.trim();
        return switch (type) {
            case AttributeDefinition.LONG -> Long.valueOf(t);
            case AttributeDefinition.INTEGER -> Integer.valueOf(t);
            case AttributeDefinition.SHORT -> Short.valueOf(t);
            case AttributeDefinition.BYTE -> Byte.valueOf(t);
            case AttributeDefinition.DOUBLE -> Double.valueOf(t);
            case AttributeDefinition.FLOAT -> Float.valueOf(t);
            case AttributeDefinition.BOOLEAN -> {
                if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) throw new IllegalArgumentException(t);
                yield Boolean.valueOf(t);
            }
            case AttributeDefinition.CHARACTER -> {
                if (s.length() != 1) throw new IllegalArgumentException(s);
                yield s.charAt(0);
            }
            default -> s;
        };
    }

    private static Class<?> javaType(int type) {
        return switch (type) {
            case AttributeDefinition.LONG -> Long.class;
            case AttributeDefinition.INTEGER -> Integer.class;
            case AttributeDefinition.SHORT -> Short.class;
            case AttributeDefinition.BYTE -> Byte.class;
            case AttributeDefinition.DOUBLE -> Double.class;
            case AttributeDefinition.FLOAT -> Float.class;
            case AttributeDefinition.BOOLEAN -> Boolean.class;
            case AttributeDefinition.CHARACTER -> Character.class;
            default -> String.class;
        };
    }

    private static String typeName(int type) {
        return switch (type) {
            case AttributeDefinition.LONG -> "long";
            case AttributeDefinition.INTEGER -> "integer";
            case AttributeDefinition.SHORT -> "short";
            case AttributeDefinition.BYTE -> "byte";
            case AttributeDefinition.DOUBLE -> "double";
            case AttributeDefinition.FLOAT -> "float";
            case AttributeDefinition.BOOLEAN -> "boolean";
            case AttributeDefinition.CHARACTER -> "char";
            case AttributeDefinition.PASSWORD -> "password";
            default -> "string";
        };
    }

    private String checkedId(String id) throws IOException {
        if (!id.matches(DEVICE_ID)) throw new Refused(400, "id '" + id + "' must be letters, digits, . _ -");
        if (taken(id)) throw new IllegalStateException("there is a device '" + id + "' already");
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
        if (find(id).isPresent()) return true;
        try {
            return configurations.listConfigurations("(id=" + escape(id) + ")") != null;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
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
                .orElseThrow(() -> new IllegalArgumentException("no driver '" + id + "'; drivers: " + driverIds()));
    }

    private String driverIds() {
        return drivers.stream().map(d -> d.driver().id()).sorted().collect(Collectors.joining(", "));
    }

    /** A filter value with the characters LDAP filters reserve escaped. */
    private static String escape(String value) {
        return value.replaceAll("([\\\\*()])", "\\\\$1");
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }
}
