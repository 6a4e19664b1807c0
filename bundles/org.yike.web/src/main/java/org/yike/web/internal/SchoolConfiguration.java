package org.yike.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
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
import org.yike.api.publish.PublishService;
import org.yike.api.publish.Target;
import org.yike.api.timetable.Imported;
import org.yike.api.timetable.Timetable;

/**
 * The school's configuration as the API and Gogo change it: one configuration's values checked
 * against its Metatype ({@code /api/config/{pid}}), and the whole of it as one file — every
 * ConfigAdmin configuration (devices, strategies, profiles, catalog, scheduler…), the publishing
 * targets and the timetable — so that a replaced box is set up with one import. Passwords never
 * leave in clear: without a passphrase they are left out (and named), with one they are sealed.
 */
@Component(service = SchoolConfiguration.class)
public class SchoolConfiguration {

    static final String FORMAT = "yike-configuration";
    static final int VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(SchoolConfiguration.class);
    /** Configurations the runtime makes itself at each start (Felix HTTP's port from yike.http.port). */
    private static final String RUNTIME_OWN = "org.apache.felix.";
    /** Marks a publishing target's configuration; targets travel through the publish service, which seals their secrets. */
    private static final String TARGET_TYPE = "yike.target.type";
    private static final Set<String> BOOKKEEPING = Set.of(Constants.SERVICE_PID, ConfigurationAdmin.SERVICE_FACTORYPID,
            ConfigurationAdmin.SERVICE_BUNDLELOCATION);

    private final BundleContext context;
    private final ConfigurationAdmin configurations;
    private final MetaTypeService metatypes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile PublishService publish;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Timetable timetable;

    @Activate
    public SchoolConfiguration(BundleContext context, @Reference ConfigurationAdmin configurations,
            @Reference MetaTypeService metatypes) {
        this.context = context;
        this.configurations = configurations;
        this.metatypes = metatypes;
    }

    /** A configuration described by Metatype: its values (passwords left out) and the description. */
    Map<String, Object> settings(String pid) throws IOException {
        ObjectClassDefinition ocd = described(pid);
        Set<String> secret = passwords(ocd);
        Map<String, Object> values = new TreeMap<>();
        Optional<Configuration> c = existing(pid);
        if (c.isPresent()) {
            Dictionary<String, Object> p = c.get().getProperties();
            for (String key : Collections.list(p.keys())) {
                if (!BOOKKEEPING.contains(key) && !secret.contains(key)) values.put(key, p.get(key));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", pid);
        m.put("values", values);
        m.put("configuration", Equipment.describe(ocd));
        return m;
    }

    /**
     * Changes the attributes {@code body} names, each checked against and converted to the Metatype
     * description; {@code null} returns one to its default. ConfigAdmin has the change on disk when this returns.
     */
    synchronized Map<String, Object> change(String pid, JsonNode body) throws IOException {
        ObjectClassDefinition ocd = described(pid);
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        for (AttributeDefinition ad : ocd.getAttributeDefinitions(ObjectClassDefinition.ALL)) attributes.put(ad.getID(), ad);
        Configuration c = configurations.getConfiguration(pid, "?");
        Hashtable<String, Object> p = new Hashtable<>();
        if (c.getProperties() != null) {
            for (String key : Collections.list(c.getProperties().keys())) p.put(key, c.getProperties().get(key));
        }
        for (Map.Entry<String, JsonNode> e : iterable(body.fields())) {
            AttributeDefinition ad = attributes.get(e.getKey());
            if (ad == null) {
                throw new Refused(400, pid + " has no attribute '" + e.getKey() + "'; it has " + String.join(", ", attributes.keySet()));
            }
            if (e.getValue().isNull()) {
                p.remove(e.getKey());
            } else {
                p.put(e.getKey(), Equipment.convert(ad, e.getValue()));
            }
        }
        c.update(p);
        LOG.info("Configuration {} changed: {}", pid, String.join(", ", iterable(body.fieldNames())));
        return settings(pid);
    }

    /** The whole configuration as one file; {@code passphrase} seals the passwords, without one they are left out. */
    ObjectNode export(String passphrase) throws IOException {
        Passphrase key = passphrase == null ? null : Passphrase.fresh(passphrase);
        ObjectNode file = JsonAnswers.JSON.createObjectNode().put("format", FORMAT).put("version", VERSION)
                .put("exported", Instant.now().toString());
        if (key != null) file.set("sealed", key.description());
        List<String> leftOut = new ArrayList<>();
        ArrayNode configs = file.putArray("configurations");
        for (Configuration c : all()) {
            Dictionary<String, Object> p = c.getProperties();
            if (c.getPid().startsWith(RUNTIME_OWN) || p.get(TARGET_TYPE) != null) continue;
            ObjectNode n = configs.addObject().put("pid", c.getPid());
            String factory = c.getFactoryPid();
            if (factory != null) n.put("factoryPid", factory).put("name", name(c));
            Set<String> secret = definition(factory == null ? c.getPid() : factory, factory != null)
                    .map(SchoolConfiguration::passwords).orElse(Set.of());
            ObjectNode values = n.putObject("values");
            Map<String, String> secrets = new TreeMap<>();
            for (String k : new TreeMap<>(toMap(p)).keySet()) {
                if (BOOKKEEPING.contains(k)) continue;
                if (secret.contains(k)) {
                    if (!String.valueOf(p.get(k)).isEmpty()) secrets.put(k, String.valueOf(p.get(k)));
                } else {
                    values.set(k, TypedValues.write(p.get(k)));
                }
            }
            seal(n, c.getPid(), secrets, key, leftOut);
        }
        ArrayNode targets = file.putArray("targets");
        PublishService publishing = publish;
        if (publishing != null) {
            for (Target t : publishing.targets()) {
                ObjectNode n = targets.addObject().put("name", t.name()).put("type", t.type());
                ObjectNode values = n.putObject("values");
                new TreeMap<>(t.config()).forEach((k, v) -> values.set(k, TypedValues.write(v)));
                seal(n, "target " + t.name(), publishing.targetSecrets(t.name()), key, leftOut);
            }
        }
        Timetable tt = timetable;
        if (tt != null) file.put("timetable", tt.exportCalendarFile());
        file.putPOJO("secretsLeftOut", leftOut);
        return file;
    }

    /** The secrets sealed into {@code n}, or named in {@code leftOut} without a key. */
    private static void seal(ObjectNode n, String where, Map<String, String> secrets, Passphrase key, List<String> leftOut) {
        if (secrets.isEmpty()) return;
        if (key == null) {
            secrets.keySet().forEach(k -> leftOut.add(where + "/" + k));
            return;
        }
        ObjectNode sealed = n.putObject("secrets");
        secrets.forEach((k, v) -> sealed.put(k, key.seal(v, where + "/" + k)));
    }

    private record Planned(String pid, String factoryPid, String name, Hashtable<String, Object> values) {
    }

    private record PlannedTarget(String name, String type, Map<String, Object> config) {
    }

    /**
     * Sets up this runtime from an export: the timetable (refused whole with its bad rows, changing
     * nothing), then the targets, then every configuration, each replacing the one of its PID or name.
     * Configurations the file does not name stay. The whole file is read and its secrets opened
     * before anything changes, so a damaged file or a wrong passphrase changes nothing.
     */
    synchronized Map<String, Object> importFile(JsonNode file, String passphrase) throws IOException {
        if (!FORMAT.equals(file.path("format").asText())) {
            throw new Refused(400, "not a Yike configuration export: its \"format\" must be \"" + FORMAT + "\"");
        }
        if (file.path("version").asInt() != VERSION) {
            throw new Refused(400, "configuration export version " + file.path("version") + "; this runtime reads version " + VERSION);
        }
        Passphrase key = null;
        boolean sealed = Stream.concat(stream(file.path("configurations")), stream(file.path("targets"))).anyMatch(n -> n.has("secrets"));
        if (sealed && passphrase == null) {
            throw new Refused(400, "this file's passwords are sealed: send its passphrase (header Yike-Passphrase, or the Gogo command's second argument)");
        }
        if (sealed) key = Passphrase.of(passphrase, file.path("sealed"));

        List<Planned> planned = new ArrayList<>();
        for (JsonNode n : iterable(file.path("configurations").elements())) {
            String pid = n.path("pid").asText();
            String factory = n.hasNonNull("factoryPid") ? n.get("factoryPid").asText() : null;
            String name = n.path("name").asText();
            if (pid.isEmpty() || (factory != null && name.isEmpty())) {
                throw new Refused(400, "a configuration must have its \"pid\" and, made by a factory, its \"name\": " + n);
            }
            if (pid.startsWith(RUNTIME_OWN)) throw new Refused(400, pid + " is made by the runtime at each start, not imported");
            planned.add(new Planned(pid, factory, name, values(pid, n, key)));
        }
        List<PlannedTarget> targets = new ArrayList<>();
        for (JsonNode n : iterable(file.path("targets").elements())) {
            String name = n.path("name").asText();
            targets.add(new PlannedTarget(name, n.path("type").asText(), values("target " + name, n, key)));
        }
        String calendar = file.path("timetable").asText("");
        PublishService publishing = publish;
        Timetable tt = timetable;
        if (!targets.isEmpty() && publishing == null) throw new IllegalStateException("the file has targets, but publishing is not installed");
        boolean lessons = calendar.contains("BEGIN:VEVENT");
        if (lessons && tt == null) throw new IllegalStateException("the file has a timetable, but the timetable is not installed");

        Imported sessions = lessons ? tt.importCalendarFile(calendar.getBytes(StandardCharsets.UTF_8)) : null;
        for (PlannedTarget t : targets) publishing.putTarget(t.type(), t.name(), t.config());
        for (Planned p : planned) {
            Optional<Configuration> same = existing(p.pid());
            Configuration c = same.isPresent() ? same.get()
                    : p.factoryPid() == null ? configurations.getConfiguration(p.pid(), "?")
                    : configurations.getFactoryConfiguration(p.factoryPid(), p.name(), "?");
            c.update(p.values());
        }
        LOG.info("Configuration imported: {} configurations, {} targets, timetable {}", planned.size(), targets.size(),
                sessions == null ? "unchanged" : sessions.sessions() + " sessions");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("configurations", planned.size());
        m.put("targets", targets.size());
        m.put("timetableSessions", sessions == null ? null : sessions.sessions());
        m.put("secretsLeftOut", JsonAnswers.JSON.convertValue(file.path("secretsLeftOut"), List.class));
        return Map.of("imported", m);
    }

    /** A configuration's typed values with its sealed secrets opened. */
    private static Hashtable<String, Object> values(String where, JsonNode n, Passphrase key) {
        Hashtable<String, Object> values = new Hashtable<>();
        for (Map.Entry<String, JsonNode> v : iterable(n.path("values").fields())) {
            values.put(v.getKey(), TypedValues.read(where + "/" + v.getKey(), v.getValue()));
        }
        for (Map.Entry<String, JsonNode> s : iterable(n.path("secrets").fields())) {
            values.put(s.getKey(), key.open(s.getValue().asText(), where + "/" + s.getKey()));
        }
        return values;
    }

    /** The name a factory configuration was made with ({@code factory~name}), else what follows the factory PID. */
    private static String name(Configuration c) {
        String pid = c.getPid();
        String factory = c.getFactoryPid();
        return pid.startsWith(factory) && pid.length() > factory.length() + 1 ? pid.substring(factory.length() + 1) : pid;
    }

    private ObjectClassDefinition described(String pid) {
        return definition(pid, false).orElseThrow(() -> new IllegalArgumentException("no configuration '" + pid
                + "' is described by an installed bundle (devices and targets have calls of their own)"));
    }

    /** The Metatype description of a PID or factory PID, from whichever bundle has it. */
    Optional<ObjectClassDefinition> definition(String pid, boolean factory) {
        for (Bundle b : context.getBundles()) {
            MetaTypeInformation info = metatypes.getMetaTypeInformation(b);
            if (info != null && Arrays.asList(factory ? info.getFactoryPids() : info.getPids()).contains(pid)) {
                return Optional.of(info.getObjectClassDefinition(pid, null));
            }
        }
        return Optional.empty();
    }

    private static Set<String> passwords(ObjectClassDefinition ocd) {
        return Stream.of(ocd.getAttributeDefinitions(ObjectClassDefinition.ALL))
                .filter(ad -> ad.getType() == AttributeDefinition.PASSWORD).map(AttributeDefinition::getID)
                .collect(Collectors.toSet());
    }

    private Optional<Configuration> existing(String pid) throws IOException {
        return list("(" + Constants.SERVICE_PID + "=" + pid.replaceAll("([\\\\*()])", "\\\\$1") + ")").stream().findFirst();
    }

    /** Every configuration, by PID. */
    private List<Configuration> all() throws IOException {
        List<Configuration> all = new ArrayList<>(list(null));
        all.sort((a, b) -> a.getPid().compareTo(b.getPid()));
        return all;
    }

    private List<Configuration> list(String filter) throws IOException {
        try {
            Configuration[] found = configurations.listConfigurations(filter);
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("not a PID: " + filter, e);
        }
    }

    private static Map<String, Object> toMap(Dictionary<String, Object> p) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String k : Collections.list(p.keys())) m.put(k, p.get(k));
        return m;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out.stream();
    }

    private static <T> Iterable<T> iterable(Iterator<T> iterator) {
        return () -> iterator;
    }
}
