package org.yike.web.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A servlet of the admin's JSON APIs: {@link #serve} answers the call (method, path below the
 * servlet's pattern, who), and whatever it throws is answered as {@link JsonAnswers#failed} says.
 */
abstract class JsonApi extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected final void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            serve(ApiCall.of(req), req, resp);
        } catch (RuntimeException e) {
            JsonAnswers.failed(req, resp, e, invalidStatus());
        }
    }

    /** Answers the call; one no case answers throws {@link JsonAnswers#noSuchApi}. */
    protected abstract void serve(ApiCall call, HttpServletRequest req, HttpServletResponse resp) throws IOException;

    /** The status of an {@link IllegalArgumentException}: a mistake in the request. */
    protected int invalidStatus() {
        return 400;
    }
}
