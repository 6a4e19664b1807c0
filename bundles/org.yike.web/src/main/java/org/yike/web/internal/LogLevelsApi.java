package org.yike.web.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.yike.logging.LogLevels;

/**
 * {@code /api/log/levels}, admin token only: {@code GET} the levels set; {@code PUT
 * /api/log/levels/{bundle or logger}} with {@code {"level": "DEBUG"}} sets one at once, {@code DELETE}
 * puts it back to what it inherits.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/log/levels/*")
public class LogLevelsApi extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    transient LogLevels levels;

    @Reference
    transient AdminToken admin;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<String> p = JsonAnswers.parts(req);
        String call = req.getMethod() + (p.isEmpty() ? "" : p.size() == 1 ? " name" : " ?");
        JsonAnswers.answer(resp, 200, () -> {
            admin.require(req);
            try {
                switch (call) {
                    case "GET" -> { }
                    case "PUT name" -> {
                        String level = JsonAnswers.text(JsonAnswers.body(req), "level");
                        if (level == null) throw new Refused(400, "'level' is TRACE, DEBUG, INFO, WARN or ERROR (DELETE puts a level back)");
                        levels.set(p.get(0), level);
                    }
                    case "DELETE name" -> levels.set(p.get(0), null);
                    default -> throw new Refused(404, "no such API: " + req.getMethod() + " " + req.getRequestURI());
                }
            } catch (IllegalArgumentException e) {
                throw new Refused(400, e.getMessage());
            }
            return Map.of("levels", levels.levels());
        });
    }
}
