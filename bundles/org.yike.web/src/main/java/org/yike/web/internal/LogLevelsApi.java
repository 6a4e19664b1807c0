package org.yike.web.internal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.yike.logging.LogLevels;

/**
 * {@code /api/log/levels} (the admins'): {@code GET} the levels set; {@code PUT
 * /api/log/levels/{bundle or logger}} with {@code {"level": "DEBUG"}} sets one at once, {@code DELETE}
 * puts it back to what it inherits.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/log/levels/*")
public class LogLevelsApi extends JsonApi {

    private static final long serialVersionUID = 1L;

    @Reference
    transient LogLevels levels;


    @Override
    protected void serve(ApiCall call, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (call.is("PUT", "*")) {
            String level = JsonAnswers.text(JsonAnswers.body(req), "level");
            if (level == null) throw new Refused(400, "'level' is TRACE, DEBUG, INFO, WARN or ERROR (DELETE puts a level back)");
            levels.set(call.part(0), level);
        } else if (call.is("DELETE", "*")) {
            levels.set(call.part(0), null);
        } else if (!call.is("GET")) {
            throw JsonAnswers.noSuchApi(req);
        }
        JsonAnswers.write(resp, 200, Map.of("levels", levels.levels()));
    }
}
