package org.yike.live.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.yike.api.device.Device;
import org.yike.api.device.DeviceStatus;
import org.yike.api.live.LiveStream;
import org.yike.api.live.LiveTrack;
import org.yike.api.timetable.Session;
import org.yike.api.timetable.Timetable;
import org.yike.settings.FrameworkSettings;

/**
 * Each room's live state as JSON, for pages to poll: {@code GET /api/live} lists the rooms (those
 * with devices, streams or lessons in the next two weeks), {@code GET /api/live/{room}} answers one. A room is {@code live} with its streams (where players
 * find them, how many watch), else {@code faulty} where a device of its is offline, else {@code idle};
 * each with its offline devices, its building and floor (settings), the timetable's lesson now
 * ({@code session}) and the next one it records ({@code next}).
 */
@Component(service = {Servlet.class, RoomStates.class}, configurationPid = Limits.PID)
@HttpWhiteboardServletPattern({"/api/live", "/api/live/*"})
public class RoomStates extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How far ahead the next lesson is looked for. */
    private static final int DAYS_AHEAD = 14;

    private final transient LiveHubs hubs;
    private final ZoneId zone;
    private final transient RoomPlaces places;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    volatile List<Device> devices = List.of();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Timetable timetable;

    @Activate
    public RoomStates(@Reference LiveHubs hubs, LiveSettings settings, BundleContext context) {
        this(hubs, FrameworkSettings.of(context).timeZone(), new RoomPlaces(settings.roomPlaces()));
    }

    RoomStates(LiveHubs hubs, ZoneId zone, RoomPlaces places) {
        this.hubs = hubs;
        this.zone = zone;
        this.places = places;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            TreeSet<String> rooms = new TreeSet<>();
            devices.forEach(d -> rooms.add(d.classroom()));
            hubs.running().forEach(s -> rooms.add(s.room()));
            sessions(null).forEach(s -> rooms.add(s.room()));
            ArrayNode all = JSON.createArrayNode();
            rooms.forEach(r -> all.add(state(r)));
            write(response, HttpServletResponse.SC_OK, all);
        } else if (path.indexOf('/', 1) < 0) {
            write(response, HttpServletResponse.SC_OK, state(path.substring(1)));
        } else {
            answer(response, HttpServletResponse.SC_NOT_FOUND, "a room's live state is /api/live/{room}", null);
        }
    }

    /** Answers {@code status} with {@code message} as {@code error}, and where a room is named, its state. */
    void answer(HttpServletResponse response, int status, String message, String room) throws IOException {
        ObjectNode body = room == null ? JSON.createObjectNode() : state(room);
        body.put("error", message);
        write(response, status, body);
    }

    ObjectNode state(String room) {
        ObjectNode state = JSON.createObjectNode().put("room", room);
        List<LiveStream> streams = hubs.running().stream().filter(s -> s.room().equals(room)).toList();
        ArrayNode offline = JSON.createArrayNode();
        for (Device d : devices) {
            if (!d.classroom().equals(room)) continue;
            DeviceStatus status = d.status();
            if (status.state() == DeviceStatus.State.OFFLINE) {
                offline.addObject().put("device", d.id()).put("name", d.name()).put("reason", status.reason());
            }
        }
        state.put("state", !streams.isEmpty() ? "live" : offline.isEmpty() ? "idle" : "faulty");
        streams.stream().map(LiveStream::lesson).filter(l -> l != null).findFirst().ifPresent(l -> state.put("lesson", l));
        ArrayNode list = state.putArray("streams");
        for (LiveStream s : streams) {
            String at = "/live/" + path(room) + "/" + path(s.name());
            ObjectNode o = list.addObject().put("name", s.name()).put("origin", s.origin().name().toLowerCase());
            track(o, "video", s.video());
            if (s.hasAudio()) track(o, "audio", s.audio());
            o.put("ws", at).put("flv", at + ".flv").put("hls", at + "/index.m3u8").put("viewers", hubs.viewers(room, s.name()));
        }
        state.set("offline", offline);
        places.of(room).ifPresent(p -> state.put("building", p.building()).put("floor", p.floor()));
        OffsetDateTime now = OffsetDateTime.now(zone);
        List<Session> today = sessions(room);
        today.stream().filter(s -> !s.start().isAfter(now) && s.end().isAfter(now)).findFirst()
                .ifPresent(s -> session(state.putObject("session"), s));
        today.stream().filter(s -> s.record() && s.start().isAfter(now)).findFirst()
                .ifPresent(s -> session(state.putObject("next"), s));
        return state;
    }

    /** A lesson of the timetable as the pages show it: course, teacher, period, class and its times. */
    private static void session(ObjectNode o, Session s) {
        o.put("start", s.start().toString()).put("end", s.end().toString()).put("label", s.label()).put("period", s.period())
                .put("course", s.course()).put("teacher", s.teacher()).put("class", s.schoolClass());
    }

    /** The lessons of one room or ({@code null}) all from today on, by start, where there is a timetable. */
    private List<Session> sessions(String room) {
        Timetable t = timetable;
        if (t == null) return List.of();
        LocalDate today = LocalDate.now(zone);
        return t.sessions(today, today.plusDays(DAYS_AHEAD), room);
    }

    private static void track(ObjectNode stream, String field, LiveTrack t) {
        ObjectNode o = stream.putObject(field).put("codec", t.codec());
        if (t.kind() == LiveTrack.Kind.VIDEO) o.put("width", t.width()).put("height", t.height());
        else o.put("sampleRate", t.sampleRate()).put("channels", t.channels());
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        JSON.writeValue(response.getOutputStream(), body);
    }
}
