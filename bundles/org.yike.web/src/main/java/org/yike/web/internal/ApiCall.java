package org.yike.web.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/** A call to one of the admin's APIs: its method, the parts of its path below the servlet's pattern, and who makes it. */
record ApiCall(String method, List<String> parts, String who) {

    static ApiCall of(HttpServletRequest req) {
        return new ApiCall(req.getMethod(), JsonAnswers.parts(req), JsonAnswers.who(req));
    }

    /** Whether this is {@code method} on a path of exactly these parts, {@code *} standing for any one. */
    boolean is(String method, String... path) {
        if (!this.method.equals(method) || parts.size() != path.length) return false;
        for (int i = 0; i < path.length; i++) {
            if (!path[i].equals("*") && !path[i].equals(parts.get(i))) return false;
        }
        return true;
    }

    String part(int index) {
        return parts.get(index);
    }
}
