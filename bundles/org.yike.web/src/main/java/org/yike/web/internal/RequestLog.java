package org.yike.web.internal;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Each API call at DEBUG: method, path, status and time taken (no query, which may carry a search). */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/api/*")
@HttpWhiteboardFilterAsyncSupported
public class RequestLog implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!LOG.isDebugEnabled()) {
            chain.doFilter(request, response);
            return;
        }
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            LOG.debug("{} {} {} ({} ms)", ((HttpServletRequest) request).getMethod(), ((HttpServletRequest) request).getRequestURI(),
                    ((HttpServletResponse) response).getStatus(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
