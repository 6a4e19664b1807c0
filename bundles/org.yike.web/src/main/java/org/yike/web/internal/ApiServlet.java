package org.yike.web.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.yike.api.admin.DeviceAdmin;
import org.yike.api.catalog.Chapter;
import org.yike.api.director.Framing;
import org.yike.api.director.Layout;
import org.yike.api.director.ProgramDecision;
import org.yike.api.recording.Recording;
import org.yike.api.recording.RecordingService;
import org.yike.settings.FrameworkSettings;

/**
 * The JSON API. Mistakes a caller can fix answer 4xx with {@code {"error": "..."}}; nothing a
 * request sends can stop the runtime or a running recording.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/*")
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Reference
    transient RecordingService recording;

    @Reference
    transient DeviceAdmin equipment;

    /** Publishing, where org.yike.publish is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    transient volatile PublishApi publishing;

    private transient Path dataFolder;

    @Activate
    void activate(BundleContext context) {
        dataFolder = FrameworkSettings.of(context).dataFolder();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        List<String> parts = new ArrayList<>(List.of(path.replaceAll("^/+|/+$", "").split("/")));
        try {
            Object answer = route(req.getMethod(), parts, req);
            if (answer instanceof Answer a) {
                write(resp, a.status(), a.body());
            } else {
                write(resp, "POST".equals(req.getMethod()) && parts.size() == 1 ? 201 : 200, answer);
            }
        } catch (RuntimeException e) {
            // a recording or device the caller names that is not there
            JsonAnswers.failed(req, resp, e, 404);
        }
    }

    private Object route(String method, List<String> p, HttpServletRequest req) throws IOException {
        String first = p.get(0);
        switch (method + " " + first + "/" + p.size()) {
            case "GET status/1":
                return status();
            case "GET devices/1":
                return equipment.devices().stream().map(AdminAnswers::device).toList();
            case "POST devices/1":
                return AdminAnswers.device(equipment.add(AdminAnswers.newDevice(body(req))));
            case "DELETE devices/2":
                return AdminAnswers.device(equipment.remove(p.get(1)));
            case "GET drivers/1":
                return equipment.drivers(req.getLocale()).stream().map(AdminAnswers::driver).toList();
            case "GET drivers/3":
                if (p.get(2).equals("discovered")) {
                    return equipment.discover(p.get(1), timeout(req.getParameter("timeout"))).stream()
                            .map(AdminAnswers::discovered).toList();
                }
                break;
            case "GET recordings/1":
                return recording.list();
            case "POST recordings/1": {
                JsonNode body = body(req);
                return recording.start(text(body, "classroom"), text(body, "title"));
            }
            case "GET recordings/2":
                return recording.get(p.get(1)).orElseThrow(() -> new Refused(404, "no recording " + p.get(1)));
            case "POST recordings/3":
                if (p.get(2).equals("stop")) return recording.stop(p.get(1));
                break;
            case "GET recordings/3":
                if (p.get(2).equals("timeline")) return timeline(p.get(1));
                break;
            case "GET classrooms/3":
                if (p.get(2).equals("presets")) return recording.presets(p.get(1));
                break;
            case "POST classrooms/3":
                if (p.get(2).equals("cut")) {
                    recording.cut(p.get(1), shot(body(req)));
                    return Map.of("classroom", p.get(1), "directedBy", "manual");
                }
                if (p.get(2).equals("resume")) {
                    recording.resume(p.get(1));
                    return Map.of("classroom", p.get(1), "directedBy", "its strategy");
                }
                break;
            default:
                break;
        }
        PublishApi publish = publishing;
        // lessons/{id}/publish too: the lessons servlet takes it once the catalog is up, and publishing needs no catalog
        if (publish != null && (first.equals("publish") || first.equals("lessons"))) {
            Object answer = publish.route(method, p, req);
            if (answer != null) return answer;
        }
        throw new Refused(404, "no such API: " + method + " /api/" + String.join("/", p));
    }

    /** {@code ?timeout=} in seconds (default 3), how long a discovery waits for answers. */
    private static Duration timeout(String seconds) {
        if (seconds == null) return DeviceAdmin.DISCOVERY_TIME;
        try {
            double s = Double.parseDouble(seconds);
            if (s >= 0.1 && s <= 30) return Duration.ofMillis(Math.round(s * 1000));
        } catch (NumberFormatException e) {
            // said below
        }
        throw new Refused(400, "timeout '" + seconds + "' must be seconds from 0.1 to 30");
    }

    private Map<String, Object> status() throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("runtime", "yike");
        s.put("uptimeSeconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        s.put("dataFolder", dataFolder.toString());
        s.put("classrooms", recording.classrooms());
        s.put("devices", equipment.devices().size());
        s.put("recording", recording.list().stream().filter(r -> r.state() == Recording.State.RECORDING)
                .map(Recording::id).toList());
        // the disk the lessons go to (the data folder's, where recordings/ is not made yet)
        Path recordings = dataFolder.resolve("recordings");
        FileStore disk = Files.getFileStore(Files.exists(recordings) ? recordings : dataFolder);
        s.put("disk", Map.of("freeBytes", disk.getUsableSpace(), "totalBytes", disk.getTotalSpace(),
                "minFreeBytes", recording.minFreeBytes()));
        return s;
    }

    /** An operator's shot: {@code {"layout": "PIP_TOP_RIGHT", "sources": [...], "framing": {...}, "cause": ...}}. */
    private static ProgramDecision shot(JsonNode body) {
        String layout = text(body, "layout");
        Layout l;
        try {
            l = layout == null ? Layout.FULL : Layout.valueOf(layout);
        } catch (IllegalArgumentException e) {
            throw new Refused(400, "no layout '" + layout + "'; layouts: " + Arrays.toString(Layout.values()));
        }
        JsonNode sources = body.get("sources");
        if (sources == null || !sources.isArray() || sources.isEmpty()) throw new Refused(400, "'sources' must list source keys");
        List<String> keys = new ArrayList<>();
        sources.forEach(k -> keys.add(k.asText()));
        try {
            Map<String, Framing> framing = body.has("framing")
                    ? JSON.convertValue(body.get("framing"), new TypeReference<Map<String, Framing>>() { })
                    : Map.of();
            String cause = text(body, "cause");
            return new ProgramDecision(0, l, keys, cause == null ? "operator" : cause, framing);
        } catch (IllegalArgumentException e) {
            throw new Refused(400, e.getMessage());
        }
    }

    /**
     * A lesson's timeline from its metadata: every shot with its cause, the classroom events heard,
     * and chapters (the shots an event or an operator made) for players.
     */
    private Map<String, Object> timeline(String id) throws IOException {
        Recording r = recording.get(id).orElseThrow(() -> new Refused(404, "no recording " + id));
        String metadata = r.files().stream().filter(f -> f.kind().equals("metadata")).findFirst()
                .orElseThrow(() -> new Refused(404, "recording " + id + " has no metadata")).path();
        JsonNode lesson = JSON.readTree(new java.io.File(metadata));
        List<Map<String, Object>> chapters = new ArrayList<>();
        for (JsonNode d : lesson.path("decisions")) {
            String trigger = d.path("trigger").asText();
            if (Chapter.madeBy(trigger)) {
                chapters.add(Map.of("atMillis", d.path("atMillis").asLong(), "title", d.path("cause").asText()));
            }
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", id);
        t.put("chapters", chapters);
        t.put("decisions", lesson.path("decisions"));
        t.put("classroomEvents", lesson.path("classroomEvents"));
        return t;
    }

    static JsonNode body(HttpServletRequest req) throws IOException {
        return JsonAnswers.body(req);
    }

    static String text(JsonNode body, String field) {
        return JsonAnswers.text(body, field);
    }

    static void write(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        JSON.writeValue(resp.getOutputStream(), body);
    }
}
