package org.yike.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.access.AccessRefused;
import org.yike.api.access.User;
import org.yike.api.admin.AdminRefused;
import org.yike.api.modules.ModuleRefused;
import org.yike.api.timetable.TimetableRejected;

/** JSON bodies in and out for the API's servlets; what went wrong becomes its status and reason. */
final class JsonAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(JsonAnswers.class);
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final int LARGEST_BODY = 64 * 1024;

    private JsonAnswers() {
    }

    /** The request's JSON object; an empty body is an empty object. */
    static JsonNode body(HttpServletRequest req) throws IOException {
        try (InputStream in = req.getInputStream()) {
            byte[] bytes = in.readNBytes(LARGEST_BODY + 1);
            if (bytes.length > LARGEST_BODY) throw new Refused(413, "the body is larger than " + LARGEST_BODY + " bytes");
            if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) return JSON.createObjectNode();
            JsonNode node = JSON.readTree(bytes);
            if (!node.isObject()) throw new Refused(400, "the body must be a JSON object");
            return node;
        } catch (JsonProcessingException e) {
            throw new Refused(400, "the body is not JSON: " + e.getOriginalMessage());
        }
    }

    static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new Refused(400, "'" + field + "' must be a string");
        return v.asText();
    }

    /** The path below the servlet's pattern, in its parts. */
    static List<String> parts(HttpServletRequest req) {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().replaceAll("^/+|/+$", "");
        return path.isEmpty() ? List.of() : List.of(path.split("/"));
    }

    /** Who a change is audited as: the user {@link AccessFilter} let in, from where. */
    static String who(HttpServletRequest req) {
        return (req.getAttribute(AccessFilter.USER) instanceof User user ? user.name() : "anonymous") + "@" + req.getRemoteAddr();
    }

    /** The user making the call, whom {@link AccessFilter} let in. */
    static User caller(HttpServletRequest req) {
        if (!(req.getAttribute(AccessFilter.USER) instanceof User user)) {
            throw new IllegalStateException("a call the access filter did not see: " + req.getRequestURI());
        }
        return user;
    }

    /** Answers a change with {@code status} and what it answers. */
    static void answer(HttpServletResponse resp, int status, Call change) throws IOException {
        write(resp, status, change.answer());
    }

    /** The HTTP status a refusal answers with. */
    static int status(ModuleRefused e) {
        return switch (e.kind()) {
            case NOT_FOUND -> 404;
            case INVALID -> 400;
            case CONFLICT, UNRESOLVED, FAILED -> 409;
            case UNSIGNED, UNTRUSTED, TAMPERED, BASELINE -> 422;
        };
    }

    /** The HTTP status an access refusal answers with. */
    static int status(AccessRefused e) {
        return switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case LOCKED -> 429;
        };
    }

    /** The HTTP status an administration refusal answers with. */
    static int status(AdminRefused e) {
        return switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case UNAVAILABLE -> 502;
        };
    }

    interface Call {
        Object answer() throws IOException;
    }

    /** 404 for a method and path that no call of this servlet answers. */
    static Refused noSuchApi(HttpServletRequest req) {
        return new Refused(404, "no such API: " + req.getMethod() + " " + req.getRequestURI());
    }

    /**
     * Answers what a call threw: a refusal with its status and reason, a rejected timetable 422 with
     * every bad row, a conflict ({@link IllegalStateException}) 409, a bad argument {@code invalid}
     * (400, or 404 where the argument names something that is not there); anything else 500, logged.
     */
    static void failed(HttpServletRequest req, HttpServletResponse resp, RuntimeException e, int invalid) throws IOException {
        if (e instanceof Refused r) {
            write(resp, r.status, Map.of("error", r.getMessage()));
        } else if (e instanceof ModuleRefused m) {
            write(resp, status(m), Map.of("error", m.getMessage(), "kind", m.kind().name()));
        } else if (e instanceof AccessRefused a) {
            if (a.kind() == AccessRefused.Kind.LOCKED) resp.setHeader("Retry-After", String.valueOf(a.retryAfter().toSeconds()));
            write(resp, status(a), Map.of("error", a.getMessage()));
        } else if (e instanceof AdminRefused a) {
            write(resp, status(a), Map.of("error", a.getMessage()));
        } else if (e instanceof TimetableRejected t) {
            write(resp, 422, Map.of("errors", t.errors()));
        } else if (e instanceof IllegalArgumentException) {
            write(resp, invalid, Map.of("error", String.valueOf(e.getMessage())));
        } else if (e instanceof IllegalStateException) {
            write(resp, 409, Map.of("error", String.valueOf(e.getMessage())));
        } else {
            LOG.error("{} {} failed", req.getMethod(), req.getRequestURI(), e);
            write(resp, 500, Map.of("error", "internal error: " + e));
        }
    }

    static void write(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        if (status == 401) resp.setHeader("WWW-Authenticate", "Bearer");
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        JSON.writeValue(resp.getOutputStream(), body);
    }
}
