package org.yike.web.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.yike.api.modules.Module;
import org.yike.api.modules.Modules;
import org.yike.api.modules.Offer;

/**
 * {@code /api/modules}: what is installed, offered and updatable; install or update, uninstall,
 * roll back.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/modules/*")
public class ModulesApi extends JsonApi {

    private static final long serialVersionUID = 1L;

    @Reference
    transient Modules modules;


    @Override
    protected void serve(ApiCall call, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (call.is("GET")) {
            JsonAnswers.write(resp, 200, list());
        } else if (call.is("POST")) {
            JsonAnswers.answer(resp, 201, () -> {
                JsonNode body = JsonAnswers.body(req);
                String bsn = JsonAnswers.text(body, "bsn");
                if (bsn == null) throw new Refused(400, "'bsn' names the module to install");
                return modules.install(bsn, JsonAnswers.text(body, "version"), call.who());
            });
        } else if (call.is("DELETE", "*")) {
            JsonAnswers.answer(resp, 200, () -> modules.uninstall(call.part(0), call.who()));
        } else if (call.is("POST", "*", "rollback")) {
            JsonAnswers.answer(resp, 200, () -> modules.rollback(call.part(0), call.who()));
        } else {
            throw JsonAnswers.noSuchApi(req);
        }
    }

    private Map<String, Object> list() {
        List<Module> installed = modules.installed();
        List<Offer> available = modules.available();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("installed", installed);
        answer.put("available", available);
        answer.put("updates", available.stream().filter(o -> o.installedVersion() != null
                && org.osgi.framework.Version.parseVersion(o.version()).compareTo(org.osgi.framework.Version.parseVersion(o.installedVersion())) > 0)
                .toList());
        return answer;
    }
}
