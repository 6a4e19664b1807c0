package org.yike.web.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.yike.api.access.Accounts;
import org.yike.api.access.Session;

/**
 * {@code /api/session}, a browser's login: {@code POST} a name and password to log in (the session's
 * id in an HttpOnly, SameSite=Strict cookie; its CSRF token in the answer and in a cookie the page
 * reads), {@code GET} who is logged in, {@code DELETE} to log out.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/session")
public class SessionApi extends JsonApi {

    private static final long serialVersionUID = 1L;

    @Reference
    transient Accounts accounts;

    @Override
    protected void serve(ApiCall call, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<Session> current = accounts.session(AccessFilter.cookie(req, AccessFilter.SESSION_COOKIE));
        if (call.is("POST")) {
            JsonNode body = JsonAnswers.body(req);
            String name = JsonAnswers.text(body, "name");
            String password = JsonAnswers.text(body, "password");
            if (name == null || password == null) throw new Refused(400, "log in with {\"name\": ..., \"password\": ...}");
            Session session = accounts.login(name.strip(), password, req.getRemoteAddr());
            current.ifPresent(old -> accounts.logout(old.id()));
            setCookie(req, resp, AccessFilter.SESSION_COOKIE, session.id(), true);
            setCookie(req, resp, AccessFilter.CSRF_COOKIE, session.csrfToken(), false);
            JsonAnswers.write(resp, 200, answer(session));
        } else if (call.is("GET")) {
            JsonAnswers.write(resp, 200, answer(current.orElseThrow(() -> new Refused(401, "请先登录 (not logged in)"))));
        } else if (call.is("DELETE")) {
            if (current.isPresent()) {
                // a page's logout carries its CSRF token: another site cannot log a user out
                if (!current.get().csrfToken().equals(req.getHeader(AccessFilter.CSRF_HEADER))) {
                    throw new Refused(403, "logging out needs the page's " + AccessFilter.CSRF_HEADER + " header");
                }
                accounts.logout(current.get().id());
            }
            setCookie(req, resp, AccessFilter.SESSION_COOKIE, "", true);
            setCookie(req, resp, AccessFilter.CSRF_COOKIE, "", false);
            resp.setStatus(204);
        } else {
            throw JsonAnswers.noSuchApi(req);
        }
    }

    private static Map<String, Object> answer(Session session) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("user", UsersApi.view(session.user()));
        a.put("csrfToken", session.csrfToken());
        a.put("expires", session.expires().toString());
        return a;
    }

    /** A cookie for the whole site, only ever sent by pages of this site; an empty value removes it. */
    private static void setCookie(HttpServletRequest req, HttpServletResponse resp, String name, String value, boolean httpOnly) {
        Cookie c = new Cookie(name, value);
        c.setPath("/");
        c.setHttpOnly(httpOnly);
        c.setSecure(req.isSecure());
        c.setAttribute("SameSite", "Strict");
        if (value.isEmpty()) c.setMaxAge(0);
        resp.addCookie(c);
    }
}
