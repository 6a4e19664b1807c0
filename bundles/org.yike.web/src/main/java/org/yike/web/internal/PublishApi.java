package org.yike.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.http.HttpServletRequest;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.yike.api.admin.Form;
import org.yike.api.admin.SchoolConfiguration;
import org.yike.api.connector.PlatformConnector;
import org.yike.api.publish.Job;
import org.yike.api.publish.PublishService;

/**
 * {@code /api/publish/...} and {@code POST /api/lessons/{id}/publish}: connector types with their
 * Metatype, targets (never a secret in an answer), rules and jobs.
 */
@Component(service = PublishApi.class)
public class PublishApi {

    @Reference
    PublishService publishing;

    /** The connectors' forms, and target configurations checked against them. */
    @Reference
    SchoolConfiguration school;

    private final List<PlatformConnector> connectors = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeConnector")
    void addConnector(PlatformConnector c) {
        connectors.add(c);
    }

    void removeConnector(PlatformConnector c) {
        connectors.remove(c);
    }

    /** The answer to a publishing call, or null where {@code p} is none of them. */
    Object route(String method, List<String> p, HttpServletRequest req) throws IOException {
        String call = method + " " + String.join("/", p.subList(0, Math.min(2, p.size()))) + "/" + p.size();
        switch (call) {
            case "GET publish/types/2":
                return types(req.getLocale());
            case "GET publish/targets/2":
                return publishing.targets();
            case "POST publish/targets/2":
                return new Answer(201, putTarget(ApiServlet.body(req)));
            case "DELETE publish/targets/3":
                return publishing.removeTarget(p.get(2));
            case "POST publish/newest/2": {
                JsonNode body = ApiServlet.body(req);
                return queued(publishing.publishNewest(required(body, "room"), required(body, "target")));
            }
            case "GET publish/rules/2":
                return publishing.rules();
            case "POST publish/rules/2": {
                JsonNode body = ApiServlet.body(req);
                return new Answer(201, publishing.addRule(required(body, "room"), required(body, "target")));
            }
            case "DELETE publish/rules/2": {
                JsonNode body = ApiServlet.body(req);
                return publishing.removeRule(required(body, "room"), required(body, "target"));
            }
            case "GET publish/jobs/2":
                return publishing.jobs().stream().map(PublishApi::job).toList();
            case "GET publish/jobs/3":
                return job(publishing.job(p.get(2)).orElseThrow(() -> new Refused(404, "no publishing job " + p.get(2))));
            case "DELETE publish/jobs/3":
                return job(publishing.cancel(p.get(2)));
            default:
                if (call.startsWith("POST lessons/") && p.size() == 3 && p.get(2).equals("publish")) {
                    return queued(publishing.publish(p.get(1), required(ApiServlet.body(req), "target")));
                }
                return null;
        }
    }

    private List<Map<String, Object>> types(Locale locale) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PlatformConnector c : connectors) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", c.type());
            m.put("factoryPid", c.factoryPid());
            m.put("configuration", school.form(c.factoryPid(), locale).map(AdminAnswers::form).orElse(null));
            out.add(m);
        }
        return out;
    }

    /** {@code {"type", "name", "config"}}: the config checked against the connector's Metatype. */
    private Object putTarget(JsonNode body) {
        String type = required(body, "type");
        String name = required(body, "name");
        PlatformConnector c = connectors.stream().filter(x -> x.type().equals(type)).findFirst()
                .orElseThrow(() -> new Refused(404, "no connector '" + type + "'; connectors: "
                        + connectors.stream().map(PlatformConnector::type).sorted().toList()));
        Form form = school.form(c.factoryPid(), null)
                .orElseThrow(() -> new IllegalStateException("connector " + type + " describes no configuration"));
        JsonNode config = body.path("config");
        if (!config.isMissingNode() && !config.isObject()) throw new Refused(400, "'config' must be a JSON object");
        List<String> settings = form.attributes().stream().map(Form.Attribute::id).toList();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        for (Map.Entry<String, Object> e : (config.isMissingNode() ? Map.<String, Object>of() : AdminAnswers.plainObject(config)).entrySet()) {
            if (!settings.contains(e.getKey()) || e.getKey().equals("name")) {
                throw new Refused(400, "connector " + type + " has no setting '" + e.getKey() + "'; it has "
                        + String.join(", ", settings));
            }
            values.put(e.getKey(), e.getValue());
        }
        return publishing.putTarget(type, name, school.typed(c.factoryPid(), values));
    }

    private static Answer queued(Job job) {
        return new Answer(202, Map.of("job", job.id(), "state", job.state().name()));
    }

    private static Map<String, Object> job(Job j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", j.id());
        m.put("recording", j.recording());
        m.put("room", j.room());
        m.put("target", j.target());
        m.put("state", j.state().name().toLowerCase(Locale.ROOT));
        m.put("bytesSent", j.bytesSent());
        m.put("total", j.total());
        m.put("percent", j.percent());
        m.put("attempts", j.attempts());
        m.put("error", j.error());
        m.put("created", j.created());
        m.put("updated", j.updated());
        return m;
    }

    private static String required(JsonNode body, String field) {
        String v = ApiServlet.text(body, field);
        if (v == null || v.isBlank()) throw new Refused(400, "'" + field + "' is missing");
        return v;
    }
}
