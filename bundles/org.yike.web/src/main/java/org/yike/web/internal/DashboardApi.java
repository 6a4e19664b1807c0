package org.yike.web.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.yike.api.dashboard.Dashboard;
import org.yike.settings.FrameworkSettings;

/**
 * {@code GET /api/dashboard?from=&to=&rooms=}: the school's figures over those days (default: the last 30, today's
 * included), of the rooms listed (comma-separated: a building's, say) or of all.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/dashboard")
public class DashboardApi extends JsonApi {

    private static final long serialVersionUID = 1L;
    /** The span asked for when none is. */
    private static final int DEFAULT_DAYS = 30;

    @Reference
    transient Dashboard dashboard;

    /** The school's, which says what "today" is. */
    private transient ZoneId zone;

    @Activate
    void activate(BundleContext context) {
        zone = FrameworkSettings.of(context).timeZone();
    }

    @Override
    protected void serve(ApiCall call, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!call.is("GET")) throw JsonAnswers.noSuchApi(req);
        LocalDate to = LessonsApi.date(req, "to");
        if (to == null) to = LocalDate.now(zone);
        LocalDate from = LessonsApi.date(req, "from");
        if (from == null) from = to.minusDays(DEFAULT_DAYS - 1);
        String rooms = req.getParameter("rooms");
        JsonAnswers.write(resp, 200, dashboard.figures(from, to, rooms == null ? Set.of()
                : Arrays.stream(rooms.split(",")).map(String::strip).filter(r -> !r.isEmpty()).collect(Collectors.toSet())));
    }
}
