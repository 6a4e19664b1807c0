package org.yike.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.yike.api.recording.Recording;
import org.yike.api.recording.RecordingService;
import org.yike.api.timetable.Imported;
import org.yike.api.timetable.Session;
import org.yike.api.timetable.Timetable;

/**
 * The timetable's part of the API: {@code PUT /api/timetable/bells|calendar|lessons} (CSV),
 * {@code PUT /api/timetable} (iCalendar), {@code GET /api/timetable} (the sessions as iCalendar) and
 * {@code GET /api/schedule} (each session with its recording state).
 * reading does not. A refused import answers 422 with every bad row.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/api/timetable", "/api/timetable/*", "/api/schedule"})
public class TimetableServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** A 60-room school's term is far below this. */
    private static final int LARGEST_FILE = 16 * 1024 * 1024;

    @Reference
    transient Timetable timetable;


    @Reference
    transient RecordingService recordings;

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        try {
            switch (req.getMethod() + " " + path.replaceAll("/+$", "")) {
                case "GET /api/schedule" -> write(resp, 200, schedule(req));
                case "GET /api/timetable" -> {
                    resp.setContentType("text/calendar");
                    resp.setCharacterEncoding("UTF-8");
                    resp.getOutputStream().write(timetable.exportCalendarFile().getBytes(StandardCharsets.UTF_8));
                }
                case "PUT /api/timetable" -> write(resp, 200, answer(timetable.importCalendarFile(body(req, "text/calendar"))));
                case "PUT /api/timetable/bells" -> write(resp, 200, answer(timetable.importBells(body(req, "text/csv"))));
                case "PUT /api/timetable/calendar" -> write(resp, 200, answer(timetable.importCalendar(body(req, "text/csv"))));
                case "PUT /api/timetable/lessons" -> write(resp, 200, answer(timetable.importLessons(body(req, "text/csv"))));
                default -> throw new Refused(404, "no such API: " + req.getMethod() + " " + path);
            }
        } catch (RuntimeException e) {
            JsonAnswers.failed(req, resp, e, 400);
        }
    }

    private static Map<String, Object> answer(Imported i) {
        return Map.of("imported", i);
    }

    /** The body of an import, after the content type is checked. */
    private byte[] body(HttpServletRequest req, String type) throws IOException {
        String given = req.getContentType();
        if (given != null && !given.toLowerCase(java.util.Locale.ROOT).startsWith(type)
                && !given.startsWith("text/plain") && !given.startsWith("application/octet-stream")) {
            throw new Refused(415, "send the file as " + type + ", not " + given);
        }
        try (InputStream in = req.getInputStream()) {
            byte[] bytes = in.readNBytes(LARGEST_FILE + 1);
            if (bytes.length > LARGEST_FILE) throw new Refused(413, "the file is larger than " + LARGEST_FILE + " bytes");
            return bytes;
        }
    }

    /** {@code ?from=YYYY-MM-DD&to=YYYY-MM-DD&room=}: from defaults to today, to to from. */
    private List<Map<String, Object>> schedule(HttpServletRequest req) {
        LocalDate from = date(req, "from", LocalDate.now());
        LocalDate to = date(req, "to", from);
        List<Session> sessions = timetable.sessions(from, to, req.getParameter("room"));
        // newest first, as the recording service lists them
        Map<String, List<Recording>> bySession = recordings.list().stream().filter(r -> r.lesson() != null)
                .collect(Collectors.groupingBy(r -> r.lesson().session()));
        return sessions.stream().map(s -> json(s, bySession.getOrDefault(s.id(), List.of()))).toList();
    }

    private static LocalDate date(HttpServletRequest req, String name, LocalDate fallback) {
        String v = req.getParameter(name);
        if (v == null || v.isBlank()) return fallback;
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            throw new Refused(400, name + " '" + v + "' is not a date such as 2025-09-01");
        }
    }

    /**
     * A session and what became of it: {@code state} scheduled (no recording yet), recording, finished,
     * partial (a part of it is missing: the runtime started or restarted inside it) or failed;
     * {@code recording} the newest recording's id, {@code recordings} all of them, oldest first.
     */
    private static Map<String, Object> json(Session s, List<Recording> recorded) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("room", s.room());
        m.put("date", s.date());
        m.put("period", s.period());
        m.put("label", s.label());
        m.put("start", s.start());
        m.put("end", s.end());
        m.put("course", s.course());
        m.put("teacher", s.teacher());
        m.put("class", s.schoolClass());
        m.put("record", s.record());
        m.put("week", s.week());
        Recording newest = recorded.isEmpty() ? null : recorded.get(0);
        m.put("state", newest == null ? "scheduled" : switch (newest.state()) {
            case RECORDING -> "recording";
            case FAILED -> "failed";
            case FINISHED -> recorded.stream().anyMatch(Recording::partial) ? "partial" : "finished";
        });
        m.put("recording", newest == null ? null : newest.id());
        List<String> ids = new ArrayList<>(recorded.stream().map(Recording::id).toList());
        Collections.reverse(ids);
        m.put("recordings", ids);
        return m;
    }

    private static void write(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        JSON.writeValue(resp.getOutputStream(), body);
    }
}
