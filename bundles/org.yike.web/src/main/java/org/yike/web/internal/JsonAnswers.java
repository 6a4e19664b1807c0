package org.yike.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.yike.api.admin.AdminRefused;
import org.yike.api.modules.ModuleRefused;

/** JSON bodies in and out for the module and repository calls; a refusal becomes its 4xx. */
final class JsonAnswers {

    static final ObjectMapper JSON = new ObjectMapper();
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

    /** Who a change is audited as: the token's holder, from where. */
    static String who(HttpServletRequest req) {
        return "admin@" + req.getRemoteAddr();
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

    /** Runs a call and writes its answer with {@code status}, or the refusal with its status and reason. */
    static void answer(HttpServletResponse resp, int status, Call call) throws IOException {
        try {
            write(resp, status, call.answer());
        } catch (Refused e) {
            write(resp, e.status, Map.of("error", e.getMessage()));
        } catch (ModuleRefused e) {
            write(resp, status(e), Map.of("error", e.getMessage(), "kind", e.kind().name()));
        }
    }

    /** 404 for a method and path that no call of this servlet answers. */
    static void noSuchApi(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        write(resp, 404, Map.of("error", "no such API: " + req.getMethod() + " " + req.getRequestURI()));
    }

    static void write(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        if (status == 401) resp.setHeader("WWW-Authenticate", "Bearer");
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        JSON.writeValue(resp.getOutputStream(), body);
    }
}
