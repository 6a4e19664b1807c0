package org.yike.web.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.yike.api.access.Accounts;
import org.yike.api.access.Role;
import org.yike.api.access.Scope;
import org.yike.api.access.User;

/**
 * {@code /api/users}: the admins list, add, change and remove users; {@code /api/users/me} is
 * everyone's own account: who they are, their password, their personal API tokens. {@code /api/audit}
 * lists the newest changes with who made them. Passwords go in, never out.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/api/users", "/api/users/*", "/api/audit"})
public class UsersApi extends JsonApi {

    private static final long serialVersionUID = 1L;

    @Reference
    transient Accounts accounts;

    @Override
    protected void serve(ApiCall call, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        User caller = JsonAnswers.caller(req);
        if (req.getServletPath().equals("/api/audit")) {
            if (!call.is("GET")) throw JsonAnswers.noSuchApi(req);
            String count = req.getParameter("count");
            JsonAnswers.write(resp, 200, accounts.audit(count == null ? 100 : LessonsApi.number(count, "count")));
        } else if (call.is("GET", "me")) {
            JsonAnswers.write(resp, 200, view(caller));
        } else if (call.is("POST", "me", "password")) {
            JsonNode body = JsonAnswers.body(req);
            String current = JsonAnswers.text(body, "current");
            // the current password, checked as a login is (failures count toward the lock-out)
            accounts.logout(accounts.login(caller.name(), current == null ? "" : current, req.getRemoteAddr()).id());
            accounts.setPassword(caller, caller.name(), JsonAnswers.text(body, "password"));
            JsonAnswers.write(resp, 200, Map.of("changed", caller.name()));
        } else if (call.is("GET", "me", "tokens")) {
            JsonAnswers.write(resp, 200, accounts.tokens(caller.name()));
        } else if (call.is("POST", "me", "tokens")) {
            String token = accounts.issueToken(caller.name(), JsonAnswers.text(JsonAnswers.body(req), "label"));
            JsonAnswers.write(resp, 201, Map.of("token", token, "note", "shown only this once: keep it where your script reads it"));
        } else if (call.is("DELETE", "me", "tokens", "*")) {
            accounts.revokeToken(caller.name(), call.part(2));
            JsonAnswers.write(resp, 200, Map.of("revoked", call.part(2)));
        } else if (call.is("GET")) {
            JsonAnswers.write(resp, 200, accounts.users().stream().map(u -> {
                Map<String, Object> v = view(u);
                v.put("locked", accounts.locked(u.name()));
                return v;
            }).toList());
        } else if (call.is("POST")) {
            JsonNode body = JsonAnswers.body(req);
            User user = new User(JsonAnswers.text(body, "name"), JsonAnswers.text(body, "displayName"),
                    role(JsonAnswers.text(body, "role")), scope(JsonAnswers.text(body, "scope")));
            JsonAnswers.write(resp, 201, view(accounts.add(caller, user, JsonAnswers.text(body, "password"))));
        } else if (call.is("GET", "*")) {
            JsonAnswers.write(resp, 200, view(accounts.user(call.part(0))
                    .orElseThrow(() -> new Refused(404, "no user '" + call.part(0) + "'"))));
        } else if (call.is("PATCH", "*")) {
            JsonNode body = JsonAnswers.body(req);
            String role = JsonAnswers.text(body, "role");
            String scope = JsonAnswers.text(body, "scope");
            User changed = accounts.change(caller, call.part(0), JsonAnswers.text(body, "displayName"),
                    role == null ? null : role(role), scope == null ? null : scope(scope));
            String password = JsonAnswers.text(body, "password");
            if (password != null) accounts.setPassword(caller, call.part(0), password);
            JsonAnswers.write(resp, 200, view(changed));
        } else if (call.is("DELETE", "*")) {
            accounts.remove(caller, call.part(0));
            JsonAnswers.write(resp, 200, Map.of("removed", call.part(0)));
        } else {
            throw JsonAnswers.noSuchApi(req);
        }
    }

    /** A user as the API shows one: never a password or its hash. */
    static Map<String, Object> view(User user) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", user.name());
        v.put("displayName", user.displayName());
        v.put("role", user.role().wireName());
        v.put("scope", user.scope().value());
        return v;
    }

    private static Role role(String name) {
        if (name == null) throw new IllegalArgumentException("a user needs a 'role'");
        return Role.ofWireName(name);
    }

    private static Scope scope(String value) {
        if (value == null) throw new IllegalArgumentException("a user needs a 'scope': a six-digit region code or a school's name");
        return new Scope(value);
    }
}
