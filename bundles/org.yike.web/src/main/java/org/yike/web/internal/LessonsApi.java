package org.yike.web.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.yike.api.access.Accounts;
import org.yike.api.analysis.LessonAnalyses;
import org.yike.api.analysis.LessonAnalysis;
import org.yike.api.access.Role;
import org.yike.api.access.User;
import org.yike.api.catalog.Catalog;
import org.yike.api.catalog.Chapter;
import org.yike.api.catalog.Lesson;
import org.yike.api.catalog.LessonEdit;
import org.yike.api.catalog.LessonFile;
import org.yike.api.catalog.LessonPage;
import org.yike.api.catalog.LessonReview;
import org.yike.api.catalog.LessonQuery;
import org.yike.api.catalog.LessonState;
import org.yike.api.catalog.Playback;
import org.yike.api.storage.BlobStore;

/**
 * The catalog over HTTP: {@code /api/lessons} (find with facets, read, change, share, delete; a teacher finds their
 * own lessons and those shared with them), a
 * lesson's files with byte ranges and as downloads (or redirected to an S3 store's playback address where it holds them), its HLS, poster and chapter pictures, its analysis, and
 * {@code POST /api/catalog/rebuild}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/api/lessons", "/api/lessons/*", "/api/catalog/*"})
public class LessonsApi extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Reference
    transient Catalog catalog;

    /** Who a lesson may be shared with. */
    @Reference
    transient Accounts accounts;

    /** Publishing, where org.yike.publish is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    transient volatile PublishApi publishing;

    /** Lesson analysis, where org.yike.analysis.lesson is installed. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    transient volatile LessonAnalyses analyses;

    /** A district's object store: a lesson's file kept there is played from it, not through Yike. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(" + BlobStore.KIND + "=s3)")
    transient volatile BlobStore objects;

    /** HLS and pictures need FFmpeg; lessons are listed and served without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    transient volatile Playback playback;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        List<String> all = List.of(path.replaceAll("^/+|/+$", "").split("/"));
        List<String> p = all.subList(1, all.size());
        String method = req.getMethod().equals("HEAD") ? "GET" : req.getMethod();
        try {
            // publishing first: a lesson just recorded may not be in the catalog yet, and publishing needs it not
            if (!publish(method, p, req, resp) && !route(method, p, req, resp)) {
                throw new Refused(404, "no such API: " + req.getMethod() + " " + path);
            }
        } catch (RuntimeException e) {
            JsonAnswers.failed(req, resp, e, 400);
        }
    }

    /** {@code POST /api/lessons/{id}/publish} is publishing's, where org.yike.publish is installed. */
    private boolean publish(String method, List<String> p, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        PublishApi publish = publishing;
        Object answer = publish == null ? null : publish.route(method, p, req);
        if (answer == null) return false;
        if (answer instanceof Answer a) {
            ApiServlet.write(resp, a.status(), a.body());
        } else {
            ApiServlet.write(resp, 200, answer);
        }
        return true;
    }

    /** {@code p}: the path after {@code /api}, e.g. {@code [lessons, <id>, files, program.mp4]}. Answers whether it knew the call. */
    private boolean route(String method, List<String> p, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String call = method + " " + p.get(0) + "/" + p.size();
        if (call.equals("POST catalog/2") && p.get(1).equals("rebuild")) {
            ApiServlet.write(resp, 200, Map.of("lessons", catalog.rebuild()));
            return true;
        }
        if (!p.get(0).equals("lessons")) return false;
        if (call.equals("GET lessons/1")) {
            LessonPage page = catalog.find(query(req));
            Map<String, Object> facets = new LinkedHashMap<>();
            page.facets().forEach((field, values) -> facets.put(field, values.stream().map(f -> {
                Map<String, Object> v = new LinkedHashMap<>();
                v.put("value", field.equals("state") || field.equals("review") ? f.value().toLowerCase(Locale.ROOT) : f.value());
                v.put("count", f.count());
                return v;
            }).toList()));
            boolean blind = blind(req);
            if (blind) facets.keySet().removeAll(BLIND_FACETS);
            ApiServlet.write(resp, 200, Map.of("total", page.total(), "items", page.items().stream()
                    .map(l -> view(blind ? blinded(l) : l)).toList(),
                    "facets", facets));
            return true;
        }
        if (p.size() < 2) return false;
        String id = p.get(1);
        Lesson found = catalog.get(id).orElseThrow(() -> new Refused(404, "no lesson " + id));
        Lesson lesson = JsonAnswers.caller(req).role() == Role.JUDGE ? blinded(found) : found;
        switch (call) {
            case "GET lessons/2":
                ApiServlet.write(resp, 200, view(lesson));
                return true;
            case "PATCH lessons/2":
                ApiServlet.write(resp, 200, view(catalog.edit(id, edit(ApiServlet.body(req), lesson))));
                return true;
            case "DELETE lessons/2":
                catalog.delete(id, "deleted through the API by " + JsonAnswers.who(req));
                ApiServlet.write(resp, 200, Map.of("deleted", id));
                return true;
            case "POST lessons/3":
                if (p.get(2).equals("review-request")) {
                    ApiServlet.write(resp, 200, view(catalog.requestReview(id, JsonAnswers.caller(req).name())));
                    return true;
                }
                if (p.get(2).equals("views")) {
                    countView(id, ApiServlet.body(req), req, resp);
                    return true;
                }
                if (!p.get(2).equals("review")) return false;
                JsonNode decision = ApiServlet.body(req);
                String d = decision.path("decision").asText();
                if (!d.equals("publish") && !d.equals("reject")) {
                    throw new Refused(400, "'decision' is publish or reject (with a 'reason' for the teacher)");
                }
                ApiServlet.write(resp, 200, view(catalog.review(id, d.equals("publish"),
                        decision.hasNonNull("reason") ? decision.get("reason").asText() : null, JsonAnswers.caller(req).name())));
                return true;
            case "GET lessons/3":
                if (p.get(2).equals("analysis")) {
                    ApiServlet.write(resp, 200, analysis(id));
                    return true;
                }
                if (!p.get(2).equals("poster.jpg")) return false;
                FileAnswer.send(req, resp, playback().poster(id), null);
                return true;
            case "GET lessons/4":
                if (!p.get(2).equals("files")) return false;
                // only the files the caller is shown: a judge is not shown the metadata, which names the teacher
                if (req.getParameter("download") == null && playedFromStore(lesson, p.get(3), resp)) return true;
                Path file = catalog.file(id, p.get(3)).filter(f -> lesson.files().stream().anyMatch(l -> l.name().equals(p.get(3))))
                        .orElseThrow(() -> new Refused(404, "lesson " + id + " has no file " + p.get(3) + "; its files: "
                                + lesson.files().stream().map(LessonFile::name).toList()));
                FileAnswer.send(req, resp, file, req.getParameter("download") == null ? null : downloadName(lesson, p.get(3)));
                return true;
            case "GET lessons/5":
                if (p.get(2).equals("hls")) {
                    Path hls = playback().hls(id, p.get(3), p.get(4))
                            .orElseThrow(() -> new Refused(404, "no " + p.get(4) + " in the HLS of " + p.get(3)));
                    FileAnswer.send(req, resp, hls, null);
                    return true;
                }
                if (p.get(2).equals("chapters") && p.get(4).equals("thumbnail.jpg")) {
                    FileAnswer.send(req, resp, playback().thumbnail(id, number(p.get(3), "chapter")), null);
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    /**
     * Redirects to the object store's playback address of the lesson's file where the store holds it
     * under the key the data folder has it at; answers whether it did.
     */
    private boolean playedFromStore(Lesson lesson, String name, HttpServletResponse resp) throws IOException {
        BlobStore store = objects;
        if (store == null || lesson.files().stream().noneMatch(f -> f.name().equals(name))) return false;
        String key = "recordings/" + lesson.room() + "/" + lesson.id() + "/" + name;
        Optional<URI> address = store.stat(key).isPresent() ? store.playbackAddress(key) : Optional.empty();
        if (address.isEmpty()) return false;
        // the address is signed for a while only: no cache may keep the redirect
        resp.setHeader("Cache-Control", "no-store");
        resp.sendRedirect(address.get().toString());
        return true;
    }

    /** The least a player plays of a lesson for a view. */
    static final long VIEW_MILLIS = 10_000;

    /** {@code {"view": the player's own id, "playedMillis": ≥ 10000}}: 201 where counted now, 200 where counted before. */
    private void countView(String id, JsonNode body, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String view = body.path("view").asText("");
        if (view.isBlank()) throw new Refused(400, "'view': the player's own id, the same however often it says so");
        if (body.path("playedMillis").asLong(0) < VIEW_MILLIS) {
            throw new Refused(400, "a view is a player that played at least " + VIEW_MILLIS / 1000 + " s ('playedMillis')");
        }
        boolean counted = catalog.viewed(id, view, JsonAnswers.caller(req).name());
        ApiServlet.write(resp, counted ? 201 : 200, Map.of("counted", counted));
    }

    private LessonAnalysis analysis(String id) {
        LessonAnalyses a = analyses;
        if (a == null) throw new Refused(404, "lessons are not analysed here: org.yike.analysis.lesson is not installed");
        return a.ofLesson(id).orElseThrow(() -> new Refused(404, "lesson " + id + " has no analysis: a lesson is analysed once it has ended"));
    }

    private Playback playback() {
        Playback p = playback;
        if (p == null) throw new Refused(503, "pictures and HLS need the media runtime (org.yike.media), which is not running");
        return p;
    }

    /** A lesson as the API shows it, with the addresses of its files, HLS, poster and chapter pictures. */
    private Map<String, Object> view(Lesson l) {
        String base = "/api/lessons/" + l.id();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", l.id());
        v.put("school", l.school());
        v.put("room", l.room());
        v.put("teacher", l.teacher());
        v.put("course", l.course());
        v.put("class", l.schoolClass());
        v.put("date", l.date());
        v.put("period", l.period());
        v.put("title", l.title());
        v.put("state", l.state().name().toLowerCase(Locale.ROOT));
        v.put("started", l.started());
        v.put("ended", l.ended());
        v.put("durationMillis", l.durationMillis());
        v.put("sizeBytes", l.sizeBytes());
        List<Map<String, Object>> files = new ArrayList<>();
        for (LessonFile f : l.files()) {
            Map<String, Object> fv = new LinkedHashMap<>();
            fv.put("name", f.name());
            fv.put("role", f.role());
            fv.put("profile", f.profile());
            fv.put("source", f.source());
            fv.put("sizeBytes", f.sizeBytes());
            if (f.startOffsetMillis() != null) fv.put("startOffsetMillis", f.startOffsetMillis());
            fv.put("url", base + "/files/" + f.name());
            if (f.name().endsWith(".mp4")) fv.put("hls", base + "/hls/" + f.name().replaceFirst("\\.mp4$", "") + "/index.m3u8");
            files.add(fv);
        }
        v.put("files", files);
        List<Map<String, Object>> chapters = new ArrayList<>();
        for (int i = 0; i < l.chapters().size(); i++) {
            Chapter c = l.chapters().get(i);
            chapters.add(Map.of("atMillis", c.atMillis(), "title", c.title(), "thumbnail", base + "/chapters/" + i + "/thumbnail.jpg"));
        }
        v.put("chapters", chapters);
        v.put("tags", l.tags());
        v.put("protected", l.protectedFromRetention());
        v.put("published", l.published());
        v.put("sharedWith", l.sharedWith());
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("state", l.review().state().name().toLowerCase(Locale.ROOT));
        review.put("reason", l.review().reason());
        review.put("by", l.review().by());
        review.put("at", l.review().at());
        v.put("review", review);
        v.put("poster", base + "/poster.jpg");
        return v;
    }

    private LessonQuery query(HttpServletRequest req) {
        LessonState s = choice(req, "state", LessonState.class);
        String page = req.getParameter("page");
        String size = req.getParameter("size");
        // beyond its school, the lessons the review published; a teacher of the school finds their own lessons and
        // those shared with them; whatever either asks for
        User caller = JsonAnswers.caller(req);
        boolean beyond = req.getAttribute(AccessFilter.BEYOND_SCOPE) != null;
        LessonQuery.Reader reader = caller.role() == Role.TEACHER && !beyond
                ? new LessonQuery.Reader(caller.displayName(), caller.name()) : null;
        LessonReview.State review = beyond ? LessonReview.State.PUBLISHED : choice(req, "review", LessonReview.State.class);
        return new LessonQuery(req.getParameter("q"), req.getParameter("room"), req.getParameter("teacher"),
                req.getParameter("course"), req.getParameter("class"), date(req, "from"), date(req, "to"), s,
                page == null ? 0 : number(page, "page"), size == null ? 20 : number(size, "size"), reader, review);
    }

    /** A parameter naming one of an enum's constants in lower case, or null where it is not given. */
    private static <E extends Enum<E>> E choice(HttpServletRequest req, String name, Class<E> type) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) return null;
        try {
            return Enum.valueOf(type, v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refused(400, "no " + name + " '" + v + "'; " + name + "s: " + Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
    }

    static LocalDate date(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) return null;
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new Refused(400, "'" + name + "' must be a date such as 2025-09-01, not '" + v + "'");
        }
    }

    static int number(String v, String name) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new Refused(400, "'" + name + "' must be a whole number, not '" + v + "'");
        }
    }

    /**
     * {@code {"title", "tags", "protected", "chapters": [{"atMillis", "title"}], "sharedWith": [user names]}}, each
     * optional; a lesson is shared with users who exist, never with its own teacher.
     */
    private LessonEdit edit(JsonNode body, Lesson lesson) {
        for (var names = body.fieldNames(); names.hasNext(); ) {
            String f = names.next();
            if (!List.of("title", "tags", "protected", "chapters", "sharedWith").contains(f)) {
                throw new Refused(400, "a lesson has no '" + f + "' to change; title, tags, protected, chapters and sharedWith can be");
            }
        }
        String title = null;
        if (body.hasNonNull("title")) {
            if (!body.get("title").isTextual()) throw new Refused(400, "'title' must be a string");
            title = body.get("title").asText();
        }
        List<String> tags = strings(body, "tags");
        List<String> sharedWith = strings(body, "sharedWith");
        if (sharedWith != null) {
            for (String name : sharedWith) {
                User u = accounts.user(name.strip()).orElseThrow(() -> new Refused(400, "there is no user '" + name
                        + "' to share lesson " + lesson.id() + " with"));
                if (u.displayName().equals(lesson.teacher()) && u.role() == Role.TEACHER) {
                    throw new Refused(400, "lesson " + lesson.id() + " is " + u.name() + "'s own; it is shared with others");
                }
            }
        }
        Boolean kept = null;
        if (body.hasNonNull("protected")) {
            if (!body.get("protected").isBoolean()) throw new Refused(400, "'protected' must be true or false");
            kept = body.get("protected").asBoolean();
        }
        Map<Long, String> chapters = null;
        if (body.hasNonNull("chapters")) {
            chapters = new LinkedHashMap<>();
            for (JsonNode c : body.get("chapters")) {
                if (!c.path("atMillis").canConvertToLong() || !c.path("title").isTextual()) {
                    throw new Refused(400, "each of 'chapters' is {\"atMillis\": …, \"title\": \"…\"}");
                }
                chapters.put(c.get("atMillis").asLong(), c.get("title").asText());
            }
        }
        return new LessonEdit(title, tags, kept, chapters, sharedWith);
    }

    /** A list of strings of the body, or null when it names none. */
    private static List<String> strings(JsonNode body, String name) {
        if (!body.hasNonNull(name)) return null;
        if (!body.get(name).isArray()) throw new Refused(400, "'" + name + "' must be a list of strings");
        List<String> values = new ArrayList<>();
        for (JsonNode t : body.get(name)) {
            if (!t.isTextual()) throw new Refused(400, "'" + name + "' must be a list of strings");
            values.add(t.asText());
        }
        return values;
    }

    /** The facets a judge is not shown: who taught and where. */
    private static final Set<String> BLIND_FACETS = Set.of("teacher", "school");

    /**
     * Judges judge blind (优课评选): a list shows them no lesson's teacher or school, and they cannot search
     * by either (a single lesson is blinded too, whatever its call's parameters).
     */
    private static boolean blind(HttpServletRequest req) {
        if (JsonAnswers.caller(req).role() != Role.JUDGE) return false;
        for (String named : List.of("q", "teacher")) {
            String v = req.getParameter(named);
            if (v != null && !v.isBlank()) {
                throw new Refused(400, "judges judge blind: they find lessons by course, class, room, state and days, not by '" + named + "'");
            }
        }
        return true;
    }

    /**
     * The lesson as a judge is shown it: without its teacher, school, a title of its own (which may name them), whom
     * it is shared with and who reviewed it, and without its metadata file.
     */
    static Lesson blinded(Lesson l) {
        LessonReview r = l.review();
        return new Lesson(l.id(), null, l.room(), null, l.course(), l.schoolClass(), l.date(), l.period(),
                Lesson.defaultTitle(l.course(), l.schoolClass(), null, l.date(), l.period()), l.state(), l.started(), l.ended(),
                l.durationMillis(), l.sizeBytes(), l.files().stream().filter(f -> !"metadata".equals(f.role())).toList(),
                l.chapters(), l.tags(), l.protectedFromRetention(), l.published(), List.of(),
                new LessonReview(r.state(), r.reason(), null, r.at()));
    }

    /** {@code <title>.mp4} for the program, {@code <title> - <file>} for the others. */
    private static String downloadName(Lesson l, String file) {
        return file.equals("program.mp4") ? l.title() + ".mp4" : l.title() + " - " + file;
    }
}
