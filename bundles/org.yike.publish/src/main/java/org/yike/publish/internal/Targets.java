package org.yike.publish.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.yike.api.connector.PlatformConnector;
import org.yike.api.publish.Target;

/**
 * The targets: one ConfigAdmin factory configuration of its connector's {@code factoryPid} each,
 * marked with {@link #TYPE} and named by {@code name}. Attributes the connector's Metatype calls
 * passwords are stored sealed, opened only for a transfer, and never listed.
 */
final class Targets implements Queue.Destinations {

    static final String TYPE = "yike.target.type";
    private static final String NAME = "name";

    record Installed(PlatformConnector connector, Bundle bundle) {
    }

    private final ConfigurationAdmin configurations;
    private final MetaTypeService metatypes;
    private final Sealed sealed;
    private final Map<String, Installed> connectors = new ConcurrentHashMap<>();

    Targets(ConfigurationAdmin configurations, MetaTypeService metatypes, Sealed sealed) {
        this.configurations = configurations;
        this.metatypes = metatypes;
        this.sealed = sealed;
    }

    void installed(PlatformConnector c, Bundle bundle) {
        connectors.put(c.type(), new Installed(c, bundle));
    }

    Optional<PlatformConnector> connector(String type) {
        return Optional.ofNullable(connectors.get(type)).map(Installed::connector);
    }

    void removed(PlatformConnector c) {
        connectors.computeIfPresent(c.type(), (type, installed) -> installed.connector() == c ? null : installed);
    }

    synchronized Target put(String type, String name, Map<String, Object> config) {
        if (name == null || name.isBlank() || name.length() > 64 || name.contains("/")) {
            throw new IllegalArgumentException("a target's name must be 1 to 64 characters without /");
        }
        Installed c = connectors.get(type);
        if (c == null) throw new IllegalArgumentException("no connector '" + type + "'; connectors: " + types());
        Set<String> secrets = secretAttributes(c);
        Hashtable<String, Object> props = new Hashtable<>();
        for (Map.Entry<String, Object> e : config.entrySet()) {
            if (e.getValue() == null) continue;
            boolean secret = secrets.contains(e.getKey()) && !e.getValue().toString().isEmpty();
            props.put(e.getKey(), secret ? sealed.seal(e.getValue().toString()) : e.getValue());
        }
        props.put(NAME, name);
        props.put(TYPE, type);
        try {
            Optional<Configuration> old = configuration(name);
            Configuration cfg = old.isPresent() && c.connector().factoryPid().equals(old.get().getFactoryPid()) ? old.get()
                    : configurations.createFactoryConfiguration(c.connector().factoryPid(), "?");
            if (old.isPresent() && old.get() != cfg) old.get().delete();
            cfg.update(props);
            return describe(props);
        } catch (IOException e) {
            throw new IllegalStateException("cannot store target " + name + ": " + e.getMessage(), e);
        }
    }

    synchronized Target remove(String name) {
        Configuration c = configuration(name).orElseThrow(() -> new IllegalArgumentException(
                "no target '" + name + "'; targets: " + names()));
        Target t = describe(c.getProperties());
        try {
            c.delete();
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete target " + name + ": " + e.getMessage(), e);
        }
        return t;
    }

    List<Target> list() {
        List<Target> out = new ArrayList<>();
        for (Configuration c : all()) {
            Target t = describe(c.getProperties());
            out.add(connector(t.type()).map(k -> t.withStatus(status(k, t.name()))).orElse(t));
        }
        out.sort((a, b) -> a.name().compareTo(b.name()));
        return out;
    }

    @Override
    public Optional<Queue.Destination> find(String target) {
        Configuration c = configuration(target).orElseThrow(() -> new IllegalArgumentException(
                "no target '" + target + "'; targets: " + names()));
        Dictionary<String, Object> props = c.getProperties();
        Installed connector = connectors.get(String.valueOf(props.get(TYPE)));
        if (connector == null) return Optional.empty();
        Map<String, Object> config = new LinkedHashMap<>();
        Set<String> secrets = new HashSet<>();
        for (String key : Collections.list(props.keys())) {
            Object v = props.get(key);
            if (Sealed.isSealed(v)) {
                secrets.add(key);
                v = sealed.open((String) v);
            }
            config.put(key, v);
        }
        return Optional.of(new Queue.Destination(target, connector.connector(), config, secrets));
    }

    /** The target's sealed attributes, opened. */
    Map<String, String> secrets(String name) {
        Dictionary<String, Object> props = configuration(name).orElseThrow(() -> new IllegalArgumentException(
                "no target '" + name + "'; targets: " + names())).getProperties();
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : Collections.list(props.keys())) {
            if (Sealed.isSealed(props.get(key))) out.put(key, sealed.open((String) props.get(key)));
        }
        return out;
    }

    /** The targets of connector {@code type} by name, their secrets opened, for {@link PlatformConnector#targets}. */
    Map<String, Map<String, Object>> opened(String type) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Configuration c : all()) {
            if (!type.equals(c.getProperties().get(TYPE))) continue;
            String name = String.valueOf(c.getProperties().get(NAME));
            find(name).ifPresent(d -> out.put(name, d.config()));
        }
        return out;
    }

    /** A connector that fails to tell a target's status harms no listing. */
    private static String status(PlatformConnector c, String target) {
        try {
            return c.status(target);
        } catch (RuntimeException e) {
            return "unknown: " + e.getMessage();
        }
    }

    /** A target as listed: its settings with no secret, and which secrets are set. */
    private static Target describe(Dictionary<String, Object> props) {
        Map<String, Object> config = new LinkedHashMap<>();
        List<String> secrets = new ArrayList<>();
        for (Enumeration<String> keys = props.keys(); keys.hasMoreElements();) {
            String key = keys.nextElement();
            Object v = props.get(key);
            if (key.startsWith("service.") || key.equals(TYPE) || key.equals(NAME)) continue;
            if (Sealed.isSealed(v)) {
                secrets.add(key);
            } else {
                config.put(key, v.getClass().isArray() ? Arrays.asList((Object[]) v) : v);
            }
        }
        Collections.sort(secrets);
        return new Target(String.valueOf(props.get(NAME)), String.valueOf(props.get(TYPE)), config, secrets);
    }

    private Set<String> secretAttributes(Installed c) {
        MetaTypeInformation info = metatypes.getMetaTypeInformation(c.bundle());
        if (info == null || !Arrays.asList(info.getFactoryPids()).contains(c.connector().factoryPid())) {
            throw new IllegalStateException("connector " + c.connector().type() + " describes no configuration for "
                    + c.connector().factoryPid());
        }
        Set<String> secrets = new HashSet<>();
        for (AttributeDefinition ad : info.getObjectClassDefinition(c.connector().factoryPid(), null)
                .getAttributeDefinitions(ObjectClassDefinition.ALL)) {
            if (ad.getType() == AttributeDefinition.PASSWORD) secrets.add(ad.getID());
        }
        return secrets;
    }

    private Optional<Configuration> configuration(String name) {
        return all().stream().filter(c -> name.equals(c.getProperties().get(NAME))).findFirst();
    }

    private List<Configuration> all() {
        try {
            Configuration[] found = configurations.listConfigurations("(" + TYPE + "=*)");
            return found == null ? List.of() : List.of(found);
        } catch (IOException | InvalidSyntaxException e) {
            throw new IllegalStateException("cannot list targets: " + e.getMessage(), e);
        }
    }

    private String names() {
        return String.join(", ", list().stream().map(Target::name).toList());
    }

    String types() {
        return String.join(", ", connectors.keySet().stream().sorted().toList());
    }
}
