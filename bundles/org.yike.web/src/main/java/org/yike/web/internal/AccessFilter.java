package org.yike.web.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.yike.api.access.Accounts;
import org.yike.api.access.AuditEntry;
import org.yike.api.access.Role;
import org.yike.api.access.Session;
import org.yike.api.access.User;
import org.yike.api.catalog.Catalog;
import org.yike.api.catalog.LessonReview;
import org.yike.api.catalog.Lesson;

/**
 * The one door of the API and the live streams: every call under {@code /api} (but logging in) and
 * {@code /live} is made by a user, from their session cookie or an API token (or the admin token), and
 * checked here against {@link Permissions}, the user's scope and their role's networks: 401 without a
 * login, 403 outside the scope or the role. A browser's changes must carry its session's CSRF token in
 * {@value #CSRF_HEADER}. Every change is audited with its user.
 */
@Component(service = Filter.class, configurationPid = "org.yike.web.access")
@HttpWhiteboardFilterPattern({"/api/*", "/live/*"})
@HttpWhiteboardFilterAsyncSupported
@Designate(ocd = AccessPolicy.class)
public class AccessFilter implements Filter {

    static final String SESSION_COOKIE = "yike_session";
    static final String CSRF_COOKIE = "yike_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Where the servlets find who calls. */
    static final String USER = User.class.getName();
    /** Set on a call of a user whose scope does not cover this school: they see only what the review published. */
    static final String BEYOND_SCOPE = "org.yike.web.beyondScope";

    @Reference
    Accounts accounts;

    /** For a teacher's own lessons; while the catalog is away its calls answer 404 anyway. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Catalog catalog;

    private String school;
    private String region;
    private Networks networks;

    @Activate
    void activate(AccessPolicy policy) {
        school = policy.school().isBlank() ? null : policy.school().strip();
        region = policy.region().isBlank() ? null : policy.region().strip();
        networks = new Networks(policy.allowedNetworks());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        List<String> path = List.of(req.getRequestURI().replaceAll("^/+|/+$", "").split("/"));
        if (path.size() == 2 && path.get(1).equals("session") && path.get(0).equals("api")) {
            chain.doFilter(request, response); // logging in and out: SessionApi checks what it needs
            return;
        }
        String method = req.getMethod();
        User user;
        String header = req.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<User> holder = accounts.userOfToken(header.substring(7).trim());
            if (holder.isEmpty()) {
                refuse(req, resp, 401, "this token is not known (revoked, or mistyped): make a new one on your account page");
                return;
            }
            user = holder.get();
        } else {
            Optional<Session> session = accounts.session(cookie(req, SESSION_COOKIE));
            if (session.isEmpty()) {
                refuse(req, resp, 401, "请先登录 (log in first: POST /api/session, or send an API token as 'Authorization: Bearer <token>')");
                return;
            }
            if (writes(method) && !session.get().csrfToken().equals(req.getHeader(CSRF_HEADER))) {
                refuse(req, resp, 403, "this change lacks the page's " + CSRF_HEADER + " header: reload the page and try again");
                return;
            }
            user = session.get().user();
        }
        String refusal = refusal(user, method, path, req.getRemoteAddr());
        if (refusal != null) {
            refuse(req, resp, 403, refusal);
            return;
        }
        req.setAttribute(USER, user);
        if (!user.scope().covers(school, region)) req.setAttribute(BEYOND_SCOPE, Boolean.TRUE);
        try {
            chain.doFilter(request, response);
        } finally {
            if (changes(method, path)) {
                accounts.audit(new AuditEntry(Instant.now(), user.name(), req.getRemoteAddr(), method + " " + req.getRequestURI(),
                        null, String.valueOf(resp.getStatus())));
            }
        }
    }

    /** Why the user may not make the call, or null when they may. */
    private String refusal(User user, String method, List<String> path, String address) {
        if (!networks.admits(user.role(), address)) {
            return "a " + user.role().wireName() + " may not call from " + address;
        }
        boolean ownAccount = path.size() >= 3 && path.get(1).equals("users") && path.get(2).equals("me");
        if (!ownAccount && !user.scope().covers(school, region)) {
            String outside = user.name() + "'s scope (" + user.scope() + ") does not cover this school ("
                    + (school == null ? "unnamed" : school) + (region == null ? "" : ", region " + region) + ")";
            return published(method, path) ? null : outside;
        }
        Optional<Permissions.Rule> rule = Permissions.rule(method, path);
        if (!Permissions.admits(user.role(), method, path)) {
            return "a " + user.role().wireName() + " may not " + method + " /" + String.join("/", path)
                    + (rule.isPresent() ? "" : " (the administrators' alone)");
        }
        if (user.role() == Role.TEACHER && rule.get().ownLesson() && path.size() >= 3) {
            Catalog c = catalog;
            Optional<Lesson> lesson = c == null ? Optional.empty() : c.get(path.get(2));
            // a lesson shared with a teacher is theirs to watch, not to change
            boolean shared = lesson.isPresent() && !changes(method, path) && lesson.get().sharedWith().contains(user.name());
            if (lesson.isPresent() && !user.displayName().equals(lesson.get().teacher()) && !shared) {
                return "lesson " + path.get(2) + " is " + lesson.get().teacher() + "'s, not " + user.displayName() + "'s"
                        + (changes(method, path) && lesson.get().sharedWith().contains(user.name()) ? " (shared with them to watch)" : "");
            }
        }
        return null;
    }

    /**
     * Whether the call reads lessons the review published, which users beyond the school may: the list (which
     * {@link LessonsApi} narrows to them) or a published lesson and what is below it, its views counted too.
     */
    private boolean published(String method, List<String> path) {
        if (changes(method, path) || path.size() < 2 || !path.get(1).equals("lessons")) return false;
        if (path.size() == 2) return true;
        Catalog c = catalog;
        return c != null && c.get(path.get(2)).map(l -> l.review().state() == LessonReview.State.PUBLISHED).orElse(false);
    }

    /** Whether the request may change something, and so needs the page's CSRF header. */
    private static boolean writes(String method) {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }

    /** Whether the call changes what it names, as the audit keeps it; a player counting a view only watches. */
    private static boolean changes(String method, List<String> path) {
        boolean view = method.equals("POST") && path.size() == 4 && path.get(1).equals("lessons") && path.get(3).equals("views");
        return writes(method) && !view;
    }

    static String cookie(HttpServletRequest req, String name) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) return null;
        for (Cookie c : cookies) {
            if (c.getName().equals(name)) return c.getValue();
        }
        return null;
    }

    private static void refuse(HttpServletRequest req, HttpServletResponse resp, int status, String reason) throws IOException {
        // a body left unread: Jetty closes the connection after the answer, so the client must not reuse it
        if (req.getContentLengthLong() != 0) resp.setHeader("Connection", "close");
        JsonAnswers.write(resp, status, Map.of("error", reason));
    }
}
