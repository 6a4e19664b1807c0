package org.yike.web.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import org.yike.api.admin.DeviceEntry;
import org.yike.api.admin.DiscoveredDevice;
import org.yike.api.admin.DriverEntry;
import org.yike.api.admin.Form;
import org.yike.api.admin.NewDevice;
import org.yike.api.admin.SchoolConfiguration.Described;
import org.yike.api.admin.SourceEntry;

/** The administration services' values in the JSON the API answers, and request bodies as their calls. */
final class AdminAnswers {

    private static final Set<String> DEVICE_BODY = Set.of("driver", "id", "name", "classroom", "role", "config", "discovered");
    private static final List<String> DEVICE_FIELDS = List.of("id", "name", "classroom", "role");

    private AdminAnswers() {
    }

    /**
     * {@code {"driver", "name", "classroom", "role", "id", "config": {...}, "discovered"}}: the device
     * fields at the top and the driver's own in {@code config}, each given once.
     */
    static NewDevice newDevice(JsonNode body) {
        for (String field : (Iterable<String>) body::fieldNames) {
            if (!DEVICE_BODY.contains(field)) {
                throw new Refused(400, "unknown field '" + field + "'; a device has " + String.join(", ", DEVICE_BODY));
            }
        }
        JsonNode config = body.path("config");
        if (!config.isMissingNode() && !config.isObject()) throw new Refused(400, "'config' must be a JSON object");
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : DEVICE_FIELDS) {
            if (body.hasNonNull(field)) values.put(field, plain(body.get(field)));
        }
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) config::fields) {
            if (values.containsKey(e.getKey())) {
                throw new Refused(400, "'" + e.getKey() + "' is given twice, at the top and in config");
            }
            values.put(e.getKey(), plain(e.getValue()));
        }
        JsonNode discovered = body.get("discovered");
        if (discovered != null && !discovered.isTextual()) throw new Refused(400, "'discovered' must be the id of a discovered device");
        JsonNode driver = body.path("driver");
        return new NewDevice(driver.isTextual() ? driver.asText() : null, values, discovered == null ? null : discovered.asText());
    }

    /** A JSON object as plain Java, nulls kept (they return a configuration's attribute to its default). */
    static Map<String, Object> plainObject(JsonNode object) {
        return JsonAnswers.JSON.convertValue(object, new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    private static Object plain(JsonNode value) {
        return JsonAnswers.JSON.convertValue(value, Object.class);
    }

    static Map<String, Object> device(DeviceEntry d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("name", d.name());
        m.put("driver", d.driver());
        m.put("classroom", d.classroom());
        m.put("state", d.state().name());
        m.put("reason", d.reason());
        m.put("sources", d.sources().stream().map(AdminAnswers::source).toList());
        return m;
    }

    private static Map<String, Object> source(SourceEntry s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("key", s.key());
        m.put("label", s.label());
        m.put("role", s.role().name());
        m.put("uri", s.uri());
        if (s.figures() != null) m.put("figures", s.figures());
        return m;
    }

    static Map<String, Object> driver(DriverEntry d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("name", d.name());
        m.put("factoryPid", d.factoryPid());
        m.put("configuration", d.configuration() == null ? null : form(d.configuration()));
        return m;
    }

    static Map<String, Object> discovered(DiscoveredDevice d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("name", d.name());
        m.put("configuration", d.configuration());
        m.put("adopted", d.adopted());
        m.put("device", d.adoptedBy());
        return m;
    }

    static Map<String, Object> described(Described d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", d.pid());
        m.put("values", d.values());
        m.put("configuration", form(d.configuration()));
        return m;
    }

    /** A form as {@code /api/drivers} has always shown it: cardinality, default and options only where there are some. */
    static Map<String, Object> form(Form f) {
        List<Map<String, Object>> attributes = f.attributes().stream().map(ad -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", ad.id());
            a.put("name", ad.name());
            a.put("description", ad.description());
            a.put("type", ad.type());
            if (ad.cardinality() != 0) a.put("cardinality", ad.cardinality());
            if (ad.defaultValue() != null) a.put("default", ad.defaultValue());
            if (!ad.options().isEmpty()) {
                a.put("options", ad.options().stream().map(o -> Map.of("value", o.value(), "label", o.label())).toList());
            }
            a.put("required", ad.required());
            return a;
        }).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("description", f.description());
        m.put("attributes", attributes);
        return m;
    }
}
