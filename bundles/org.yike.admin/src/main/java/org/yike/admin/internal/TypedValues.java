package org.yike.admin.internal;

import static org.yike.api.admin.AdminRefused.Kind.INVALID;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yike.api.admin.AdminRefused;

/**
 * ConfigAdmin values in JSON with their Java type, so that a configuration written out and read
 * back is the same: {@code {"type": "Integer", "value": 640}}, {@code "String[]"} for arrays,
 * {@code "List<Long>"} for collections, {@code "int[]"} for arrays of primitives.
 */
final class TypedValues {

    private record Scalar(Class<?> boxed, Class<?> primitive, Function<JsonNode, Object> read) {
    }

    private static final Map<String, Scalar> SCALARS = Map.of(
            "String", new Scalar(String.class, null, JsonNode::asText),
            "Integer", new Scalar(Integer.class, int.class, v -> Integer.valueOf(v.asText())),
            "Long", new Scalar(Long.class, long.class, v -> Long.valueOf(v.asText())),
            "Double", new Scalar(Double.class, double.class, v -> Double.valueOf(v.asText())),
            "Float", new Scalar(Float.class, float.class, v -> Float.valueOf(v.asText())),
            "Short", new Scalar(Short.class, short.class, v -> Short.valueOf(v.asText())),
            "Byte", new Scalar(Byte.class, byte.class, v -> Byte.valueOf(v.asText())),
            "Boolean", new Scalar(Boolean.class, boolean.class, TypedValues::bool),
            "Character", new Scalar(Character.class, char.class, TypedValues::character));

    private TypedValues() {
    }

    static ObjectNode write(Object value) {
        ObjectNode n = Setup.JSON.createObjectNode();
        if (value instanceof Collection<?> c) {
            n.put("type", "List<" + (c.isEmpty() ? "String" : name(c.iterator().next().getClass())) + ">");
            n.set("value", Setup.JSON.valueToTree(c));
        } else if (value.getClass().isArray()) {
            Class<?> component = value.getClass().getComponentType();
            n.put("type", (component.isPrimitive() ? component.getName() : name(component)) + "[]");
            n.set("value", Setup.JSON.valueToTree(value));
        } else {
            n.put("type", name(value.getClass()));
            n.set("value", Setup.JSON.valueToTree(value));
        }
        return n;
    }

    /** The value {@link #write} wrote; a type it does not know or a value that does not fit is refused with both. */
    static Object read(String what, JsonNode typed) {
        String type = typed.path("type").asText();
        JsonNode value = typed.path("value");
        try {
            if (type.startsWith("List<") && type.endsWith(">")) {
                Scalar s = scalar(type.substring(5, type.length() - 1));
                List<Object> list = new ArrayList<>();
                for (JsonNode v : array(value)) list.add(s.read().apply(v));
                return list;
            }
            if (type.endsWith("[]")) {
                String element = type.substring(0, type.length() - 2);
                Scalar s = SCALARS.values().stream().filter(x -> x.primitive() != null && x.primitive().getName().equals(element))
                        .findFirst().orElse(null);
                Class<?> component = s != null ? s.primitive() : (s = scalar(element)).boxed();
                List<JsonNode> values = array(value);
                Object out = Array.newInstance(component, values.size());
                for (int i = 0; i < values.size(); i++) Array.set(out, i, s.read().apply(values.get(i)));
                return out;
            }
            if (value.isMissingNode() || value.isNull() || value.isContainerNode()) throw new IllegalArgumentException("not one value");
            return scalar(type).read().apply(value);
        } catch (IllegalArgumentException e) {
            throw new AdminRefused(INVALID, what + ": " + typed + " is no value of a configuration (" + e.getMessage() + ")");
        }
    }

    private static Scalar scalar(String name) {
        Scalar s = SCALARS.get(name);
        if (s == null) throw new IllegalArgumentException("no type '" + name + "'; types: " + String.join(", ", SCALARS.keySet()));
        return s;
    }

    private static String name(Class<?> type) {
        return SCALARS.entrySet().stream().filter(e -> e.getValue().boxed() == type).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalStateException("a configuration holds a " + type.getName()));
    }

    private static List<JsonNode> array(JsonNode value) {
        if (!value.isArray()) throw new IllegalArgumentException("not an array");
        List<JsonNode> out = new ArrayList<>();
        value.forEach(out::add);
        return out;
    }

    private static Object bool(JsonNode v) {
        if (!v.isBoolean()) throw new IllegalArgumentException("not true or false");
        return v.asBoolean();
    }

    private static Object character(JsonNode v) {
        if (v.asText().length() != 1) throw new IllegalArgumentException("not one character");
        return v.asText().charAt(0);
    }
}
