package org.yike.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.yike.api.admin.SchoolConfiguration;
import org.yike.api.admin.SchoolConfiguration.Imported;

/**
 * The school's configuration over HTTP (the admins', as {@link Permissions} says): {@code GET /api/config/export} (the file;
 * header {@code Yike-Passphrase} seals its passwords), {@code POST /api/config/import} (the file as
 * the body, the same header to open them), and {@code GET}/{@code PATCH}/{@code DELETE /api/config/{pid}} for
 * one configuration described by Metatype (a strategy per classroom, a profile, the catalog's settings;
 * {@code factory~name} for a factory's instance, which PATCH makes).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/config/*")
public class ConfigurationServlet extends JsonApi {

    private static final long serialVersionUID = 1L;
    static final String PASSPHRASE = "Yike-Passphrase";
    /** A school's configuration with a term's timetable is far below this. */
    private static final int LARGEST_FILE = 16 * 1024 * 1024;

    @Reference
    transient SchoolConfiguration school;


    @Override
    protected void serve(ApiCall call, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String passphrase = req.getHeader(PASSPHRASE);
        if (call.is("GET", "export")) {
            resp.setHeader("Content-Disposition", "attachment; filename=\"yike-configuration.json\"");
            JsonAnswers.write(resp, 200, school.export(passphrase));
        } else if (call.is("POST", "import")) {
            JsonAnswers.write(resp, 200, imported(school.importFile(file(req), passphrase)));
        } else if (call.parts().size() != 1 || !call.part(0).contains(".")) {
            throw JsonAnswers.noSuchApi(req);
        } else if (call.is("GET", "*")) {
            JsonAnswers.write(resp, 200, AdminAnswers.described(school.get(call.part(0))));
        } else if (call.is("PATCH", "*")) {
            JsonAnswers.write(resp, 200, AdminAnswers.described(
                    school.change(call.part(0), AdminAnswers.plainObject(JsonAnswers.body(req)))));
        } else if (call.is("DELETE", "*")) {
            if (!school.delete(call.part(0))) throw new Refused(404, "no configuration '" + call.part(0) + "' is stored");
            resp.setStatus(204);
        } else {
            throw new Refused(405, "/api/config/{pid} answers GET, PATCH and DELETE");
        }
    }

    /** An unknown PID is a configuration that is not there. */
    @Override
    protected int invalidStatus() {
        return 404;
    }

    private static Map<String, Object> imported(Imported i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("configurations", i.configurations());
        m.put("targets", i.targets());
        m.put("timetableSessions", i.timetableSessions());
        m.put("secretsLeftOut", i.secretsLeftOut());
        return Map.of("imported", m);
    }

    /** The exported file the request carries. */
    private static Map<String, Object> file(HttpServletRequest req) throws IOException {
        try (InputStream in = req.getInputStream()) {
            byte[] bytes = in.readNBytes(LARGEST_FILE + 1);
            if (bytes.length > LARGEST_FILE) throw new Refused(413, "the file is larger than " + LARGEST_FILE + " bytes");
            JsonNode node = JsonAnswers.JSON.readTree(bytes);
            if (node == null || !node.isObject()) throw new Refused(400, "the body must be an exported configuration (a JSON object)");
            return AdminAnswers.plainObject(node);
        } catch (JsonProcessingException e) {
            throw new Refused(400, "the body is not JSON: " + e.getOriginalMessage());
        }
    }
}
