package org.yike.web.pages.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The web app at the root: its files, and index.html for its routes. Registered as the default
 * servlet ({@code /}), so every more specific pattern ({@code /api/*}, {@code /live/*}) wins.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
public class PagesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        Optional<Page> page = Page.find(PagesServlet.class.getClassLoader(), path.isEmpty() ? "/" : path);
        if (page.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        resp.setContentType(page.get().contentType());
        resp.setHeader("Cache-Control", page.get().cacheControl());
        try (InputStream in = page.get().resource().openStream()) {
            in.transferTo(resp.getOutputStream());
        }
    }
}
