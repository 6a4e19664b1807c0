package org.yike.repository.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.yike.settings.FrameworkSettings;

/** {@code <data>/repository/} read-only at {@code /repository/}: the indexes and jars, as a static web server would. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/repository/*")
public class RepositoryFiles extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient Path folder;

    @Activate
    public RepositoryFiles(BundleContext context) {
        folder = FrameworkSettings.of(context).dataFolder().resolve("repository");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().replaceFirst("^/+", "");
        Path file = folder.resolve(path).normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file) || file.getFileName().toString().endsWith(".partial")) {
            resp.sendError(404, "no " + req.getRequestURI());
            return;
        }
        String name = file.getFileName().toString();
        resp.setContentType(name.endsWith(".xml") ? "application/xml" : name.endsWith(".jar") ? "application/java-archive"
                : name.endsWith(".json") ? "application/json" : "application/octet-stream");
        resp.setContentLengthLong(Files.size(file));
        Files.copy(file, resp.getOutputStream());
    }
}
