package org.yike.admin.internal;

import static org.yike.api.admin.AdminRefused.Kind.CONFLICT;
import static org.yike.api.admin.AdminRefused.Kind.INVALID;
import static org.yike.api.admin.AdminRefused.Kind.NOT_FOUND;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.admin.AdminRefused;
import org.yike.api.admin.Form;
import org.yike.api.admin.SchoolConfiguration;
import org.yike.api.publish.PublishService;
import org.yike.api.publish.Target;
import org.yike.api.timetable.Timetable;

/**
 * The school's configuration: one configuration's values checked against its Metatype, and the
 * whole of it as one file. Passwords never leave in clear: without a passphrase they are left out
 * (and named), with one they are sealed.
 */
@Component
public class Setup implements SchoolConfiguration {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String FORMAT = "yike-configuration";
    static final int VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(Setup.class);
    /** Configurations the runtime makes itself at each start (Felix HTTP's port from yike.http.port). */
    private static final String RUNTIME_OWN = "org.apache.felix.";
    /** Marks a publishing target's configuration; targets travel through the publish service, which seals their secrets. */
    private static final String TARGET_TYPE = "yike.target.type";
    /** Between a factory PID and an instance's name in a named factory configuration's PID (OSGi R7). */
    private static final char FACTORY_NAME = '~';
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
    public Setup(BundleContext context, @Reference ConfigurationAdmin configurations, @Reference MetaTypeService metatypes) {
        this.context = context;
        this.configurations = configurations;
        this.metatypes = metatypes;
    }

    @Override
    public Described get(String pid) throws IOException {
        ObjectClassDefinition ocd = described(pid);
        Set<String> secret = Forms.passwords(ocd);
        Map<String, Object> values = new TreeMap<>();
        Optional<Configuration> c = existing(pid);
        if (c.isPresent()) {
            Dictionary<String, Object> p = c.get().getProperties();
            for (String key : Collections.list(p.keys())) {
                if (!BOOKKEEPING.contains(key) && !secret.contains(key)) values.put(key, p.get(key));
            }
        }
        return new Described(pid, values, Forms.form(ocd));
    }

    @Override
    public synchronized Described change(String pid, Map<String, Object> changes) throws IOException {
        ObjectClassDefinition ocd = described(pid);
        Map<String, Object> typed = Forms.typed(ocd, changes, pid);
        Optional<Configuration> existing = existing(pid);
        Hashtable<String, Object> p = new Hashtable<>();
        existing.map(Configuration::getProperties).ifPresent(had -> Collections.list(had.keys()).forEach(k -> p.put(k, had.get(k))));
        typed.forEach((k, v) -> {
            if (v == null) p.remove(k);
            else p.put(k, v);
        });
        int factory = pid.indexOf(FACTORY_NAME);
        if (existing.isEmpty() && factory > 0) {
            // a new instance of a factory (a second detector, say): whole from the start, or not made
            Map<String, Object> values = new HashMap<>();
            p.forEach(values::put);
            Forms.requireComplete(ocd, values);
        }
        Configuration c = existing.isPresent() ? existing.get()
                : factory > 0 ? configurations.getFactoryConfiguration(pid.substring(0, factory), pid.substring(factory + 1), "?")
                : configurations.getConfiguration(pid, "?");
        c.update(p);
        LOG.info("Configuration {} {}: {}", pid, existing.isPresent() ? "changed" : "made", String.join(", ", changes.keySet()));
        return get(pid);
    }

    @Override
    public synchronized boolean delete(String pid) throws IOException {
        described(pid);
        Optional<Configuration> c = existing(pid);
        if (c.isEmpty()) return false;
        c.get().delete();
        LOG.info("Configuration {} deleted", pid);
        return true;
    }

    @Override
    public Map<String, Object> export(String passphrase) throws IOException {
        Passphrase key = passphrase == null ? null : Passphrase.fresh(passphrase);
        ObjectNode file = JSON.createObjectNode().put("format", FORMAT).put("version", VERSION)
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
            Set<String> secret = definition(factory == null ? c.getPid() : factory, factory != null, null)
                    .map(Forms::passwords).orElse(Set.of());
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
        file.set("secretsLeftOut", JSON.valueToTree(leftOut));
        return JSON.convertValue(file, new TypeReference<LinkedHashMap<String, Object>>() { });
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

    /** The timetable is imported first: refused whole with its bad rows, it changes nothing. */
    @Override
    public synchronized Imported importFile(Map<String, Object> content, String passphrase) throws IOException {
        JsonNode file = JSON.valueToTree(content);
        if (!FORMAT.equals(file.path("format").asText())) {
            throw new AdminRefused(INVALID, "not a Yike configuration export: its \"format\" must be \"" + FORMAT + "\"");
        }
        if (file.path("version").asInt() != VERSION) {
            throw new AdminRefused(INVALID, "configuration export version " + file.path("version") + "; this runtime reads version " + VERSION);
        }
        Passphrase key = null;
        boolean sealed = Stream.concat(stream(file.path("configurations")), stream(file.path("targets"))).anyMatch(n -> n.has("secrets"));
        if (sealed && passphrase == null) {
            throw new AdminRefused(INVALID, "this file's passwords are sealed: send its passphrase (header Yike-Passphrase, or the Gogo command's second argument)");
        }
        if (sealed) key = Passphrase.of(passphrase, file.path("sealed"));

        List<Planned> planned = new ArrayList<>();
        for (JsonNode n : iterable(file.path("configurations").elements())) {
            String pid = n.path("pid").asText();
            String factory = n.hasNonNull("factoryPid") ? n.get("factoryPid").asText() : null;
            String name = n.path("name").asText();
            if (pid.isEmpty() || (factory != null && name.isEmpty())) {
                throw new AdminRefused(INVALID, "a configuration must have its \"pid\" and, made by a factory, its \"name\": " + n);
            }
            if (pid.startsWith(RUNTIME_OWN)) throw new AdminRefused(INVALID, pid + " is made by the runtime at each start, not imported");
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
        if (!targets.isEmpty() && publishing == null) throw new AdminRefused(CONFLICT, "the file has targets, but publishing is not installed");
        boolean lessons = calendar.contains("BEGIN:VEVENT");
        if (lessons && tt == null) throw new AdminRefused(CONFLICT, "the file has a timetable, but the timetable is not installed");

        Integer sessions = lessons ? tt.importCalendarFile(calendar.getBytes(StandardCharsets.UTF_8)).sessions() : null;
        for (PlannedTarget t : targets) publishing.putTarget(t.type(), t.name(), t.config());
        for (Planned p : planned) {
            Optional<Configuration> same = existing(p.pid());
            Configuration c = same.isPresent() ? same.get()
                    : p.factoryPid() == null ? configurations.getConfiguration(p.pid(), "?")
                    : configurations.getFactoryConfiguration(p.factoryPid(), p.name(), "?");
            c.update(p.values());
        }
        LOG.info("Configuration imported: {} configurations, {} targets, timetable {}", planned.size(), targets.size(),
                sessions == null ? "unchanged" : sessions + " sessions");
        List<String> leftOut = file.path("secretsLeftOut").isArray()
                ? JSON.convertValue(file.path("secretsLeftOut"), new TypeReference<List<String>>() { }) : null;
        return new Imported(planned.size(), targets.size(), sessions, leftOut);
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

    @Override
    public Optional<Form> form(String pid, Locale locale) {
        String l = locale == null ? null : locale.toString();
        return definition(pid, true, l).or(() -> definition(pid, false, l)).map(Forms::form);
    }

    @Override
    public Map<String, Object> typed(String pid, Map<String, Object> values) {
        ObjectClassDefinition ocd = definition(pid, true, null).or(() -> definition(pid, false, null))
                .orElseThrow(() -> new AdminRefused(NOT_FOUND, "no configuration '" + pid + "' is described by an installed bundle"));
        Map<String, Object> typed = Forms.typed(ocd, values, pid);
        typed.values().removeIf(Objects::isNull);
        Forms.requireComplete(ocd, typed);
        return typed;
    }

    /** The name a factory configuration was made with ({@code factory~name}), else what follows the factory PID. */
    private static String name(Configuration c) {
        String pid = c.getPid();
        String factory = c.getFactoryPid();
        return pid.startsWith(factory) && pid.length() > factory.length() + 1 ? pid.substring(factory.length() + 1) : pid;
    }

    /** A PID {@code factory~name} is the named instance {@code name} of the factory PID {@code factory}. */
    private ObjectClassDefinition described(String pid) {
        int factory = pid.indexOf(FACTORY_NAME);
        Optional<ObjectClassDefinition> ocd = factory > 0 && factory < pid.length() - 1
                ? definition(pid.substring(0, factory), true, null)
                : definition(pid, false, null);
        return ocd.orElseThrow(() -> new AdminRefused(NOT_FOUND, "no configuration '" + pid
                + "' is described by an installed bundle (devices and targets have calls of their own)"));
    }

    /** The Metatype description of a PID or factory PID, from whichever bundle has it. */
    private Optional<ObjectClassDefinition> definition(String pid, boolean factory, String locale) {
        for (Bundle b : context.getBundles()) {
            Optional<ObjectClassDefinition> ocd = Forms.definition(metatypes, b, pid, factory, locale);
            if (ocd.isPresent()) return ocd;
        }
        return Optional.empty();
    }

    private Optional<Configuration> existing(String pid) throws IOException {
        return list("(" + Constants.SERVICE_PID + "=" + Equipment.escape(pid) + ")").stream().findFirst();
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
            throw new AdminRefused(NOT_FOUND, "not a PID: " + filter);
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
