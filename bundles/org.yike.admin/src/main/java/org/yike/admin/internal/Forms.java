package org.yike.admin.internal;

import static org.yike.api.admin.AdminRefused.Kind.INVALID;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.yike.api.admin.AdminRefused;
import org.yike.api.admin.Form;

/**
 * Metatype descriptions and the values people give: a description as a {@link Form}, and values as
 * JSON holds them (strings, numbers, booleans, lists) checked against it and converted to the types
 * ConfigAdmin stores. Shared by devices, connectors' targets and single configurations.
 */
final class Forms {

    private Forms() {
    }

    /** The description of {@code pid} (a factory PID where {@code factory}) in {@code bundle}'s Metatype, if it has one. */
    static Optional<ObjectClassDefinition> definition(MetaTypeService metatypes, Bundle bundle, String pid, boolean factory,
            String locale) {
        MetaTypeInformation info = metatypes.getMetaTypeInformation(bundle);
        if (info == null || !Arrays.asList(factory ? info.getFactoryPids() : info.getPids()).contains(pid)) {
            return Optional.empty();
        }
        return Optional.of(info.getObjectClassDefinition(pid, locale));
    }

    static Form form(ObjectClassDefinition ocd) {
        Set<String> required = ids(ocd, ObjectClassDefinition.REQUIRED);
        List<Form.Attribute> attributes = new ArrayList<>();
        for (AttributeDefinition ad : ads(ocd, ObjectClassDefinition.ALL)) {
            Object defaultValue = null;
            if (ad.getDefaultValue() != null && ad.getType() != AttributeDefinition.PASSWORD) {
                List<Object> defaults = Stream.of(ad.getDefaultValue()).map(v -> parse(ad.getType(), v)).toList();
                defaultValue = ad.getCardinality() == 0 ? defaults.get(0) : defaults;
            }
            List<Form.Option> options = new ArrayList<>();
            if (hasOptions(ad)) {
                for (int i = 0; i < ad.getOptionValues().length; i++) {
                    options.add(new Form.Option(ad.getOptionValues()[i], ad.getOptionLabels()[i]));
                }
            }
            attributes.add(new Form.Attribute(ad.getID(), ad.getName(), ad.getDescription(), typeName(ad.getType()),
                    ad.getCardinality(), defaultValue, options, required.contains(ad.getID())));
        }
        return new Form(ocd.getName(), ocd.getDescription(), attributes);
    }

    /**
     * {@code given} converted to the description's types, each value checked; an attribute the
     * description lacks is refused naming {@code owner} ("driver rtsp"). A null stays null: an
     * attribute back to its default.
     */
    static Map<String, Object> typed(ObjectClassDefinition ocd, Map<String, ?> given, String owner) {
        Map<String, AttributeDefinition> attributes = attributes(ocd);
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : given.entrySet()) {
            AttributeDefinition ad = attributes.get(e.getKey());
            if (ad == null) {
                throw new AdminRefused(INVALID, owner + " has no attribute '" + e.getKey() + "'; it has "
                        + String.join(", ", attributes.keySet()));
            }
            typed.put(e.getKey(), e.getValue() == null ? null : convert(ad, e.getValue()));
        }
        return typed;
    }

    /** Refuses {@code values} unless they give every required attribute that has no default. */
    static void requireComplete(ObjectClassDefinition ocd, Map<String, ?> values) {
        List<String> missing = Arrays.stream(ads(ocd, ObjectClassDefinition.REQUIRED))
                .filter(ad -> !values.containsKey(ad.getID()) && ad.getDefaultValue() == null)
                .map(AttributeDefinition::getID).toList();
        if (!missing.isEmpty()) throw new AdminRefused(INVALID, "missing " + String.join(", ", missing));
    }

    static Map<String, AttributeDefinition> attributes(ObjectClassDefinition ocd) {
        Map<String, AttributeDefinition> attributes = new LinkedHashMap<>();
        for (AttributeDefinition ad : ads(ocd, ObjectClassDefinition.ALL)) attributes.put(ad.getID(), ad);
        return attributes;
    }

    /** What of the stored values {@code p} the description refuses, in words; empty if they fit. */
    static String misfit(ObjectClassDefinition ocd, Dictionary<String, Object> p) {
        List<String> problems = new ArrayList<>();
        for (AttributeDefinition ad : ads(ocd, ObjectClassDefinition.REQUIRED)) {
            if (p.get(ad.getID()) == null && ad.getDefaultValue() == null) problems.add("missing " + ad.getID());
        }
        for (AttributeDefinition ad : ads(ocd, ObjectClassDefinition.ALL)) {
            Object v = p.get(ad.getID());
            if (v == null) continue;
            List<Object> values = elements(v);
            for (Object value : values == null ? List.of(v) : values) {
                try {
                    scalar(ad, value);
                } catch (AdminRefused refused) {
                    problems.add(refused.getMessage());
                }
            }
        }
        return String.join("; ", problems);
    }

    static Set<String> passwords(ObjectClassDefinition ocd) {
        return Stream.of(ads(ocd, ObjectClassDefinition.ALL))
                .filter(ad -> ad.getType() == AttributeDefinition.PASSWORD).map(AttributeDefinition::getID)
                .collect(Collectors.toSet());
    }

    /** A value as the attribute's type: one value, an array or a list by its cardinality. */
    static Object convert(AttributeDefinition ad, Object value) {
        if (ad.getCardinality() == 0) return scalar(ad, value);
        List<Object> given = elements(value);
        if (given == null) throw new AdminRefused(INVALID, "'" + ad.getID() + "' must be a JSON array");
        List<Object> values = new ArrayList<>();
        for (Object v : given) values.add(scalar(ad, v));
        if (ad.getCardinality() < 0) return values;
        Object array = Array.newInstance(javaType(ad.getType()), values.size());
        for (int i = 0; i < values.size(); i++) Array.set(array, i, values.get(i));
        return array;
    }

    /** The elements of a list or an array; null for anything else. */
    private static List<Object> elements(Object v) {
        if (v instanceof Collection<?> c) return new ArrayList<>(c);
        if (v == null || !v.getClass().isArray()) return null;
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < Array.getLength(v); i++) out.add(Array.get(v, i));
        return out;
    }

    private static Object scalar(AttributeDefinition ad, Object v) {
        boolean one = v != null && !(v instanceof Map) && elements(v) == null;
        String text = one ? String.valueOf(v) : "";
        boolean secret = ad.getType() == AttributeDefinition.PASSWORD;
        String what = "'" + ad.getID() + "'" + (secret ? "" : " '" + text + "'");
        String wrongType = what + " must be of type " + typeName(ad.getType());
        if (!one) throw new AdminRefused(INVALID, wrongType);
        Object parsed;
        try {
            parsed = parse(ad.getType(), text);
        } catch (IllegalArgumentException e) {
            throw new AdminRefused(INVALID, wrongType);
        }
        // Metatype's own check: options, minimum, maximum; its words may come as an untranslated %key
        String problem = ad.validate(text);
        if (problem != null && !problem.isEmpty()) {
            String options = hasOptions(ad) ? " (" + String.join(", ", ad.getOptionValues()) + ")" : "";
            throw new AdminRefused(INVALID, what + " is refused: " + problem.replaceFirst("^%", "") + options);
        }
        return parsed;
    }

    private static Set<String> ids(ObjectClassDefinition ocd, int filter) {
        return Stream.of(ads(ocd, filter)).map(AttributeDefinition::getID).collect(Collectors.toSet());
    }

    /** The attributes {@code filter} selects; Metatype answers null where there are none. */
    private static AttributeDefinition[] ads(ObjectClassDefinition ocd, int filter) {
        AttributeDefinition[] ads = ocd.getAttributeDefinitions(filter);
        return ads == null ? new AttributeDefinition[0] : ads;
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
}
