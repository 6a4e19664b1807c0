package org.yike.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.recording.RecordingEvents;

/**
 * {@code GET /api/events}: the runtime's events as they happen, as server-sent events (a browser's
 * {@code EventSource}): publishing jobs and their progress, lessons starting, stopping, failing and
 * their sources, low disk space, catalog deletions, sessions the timetable missed. {@code event:} is
 * the topic, {@code data:} its properties in JSON. Each viewer has a queue of its own and a thread
 * that writes it: one that stops reading is dropped when its queue is full (its EventSource connects
 * again), never slowing the others or the events' senders. Microphone levels (five a second each)
 * only with {@code ?levels=true}.
 */
@Component(service = {Servlet.class, EventHandler.class}, property = {
        EventConstants.EVENT_TOPIC + "=org/yike/publish/*",
        EventConstants.EVENT_TOPIC + "=org/yike/recording/*",
        EventConstants.EVENT_TOPIC + "=org/yike/catalog/*",
        EventConstants.EVENT_TOPIC + "=org/yike/schedule/*"})
@HttpWhiteboardServletPattern("/api/events")
@HttpWhiteboardServletAsyncSupported
public class EventStream extends HttpServlet implements EventHandler {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    static final int MOST_VIEWERS = 50;
    static final int QUEUE = 256;
    /** A comment this often keeps proxies and the browser from thinking the stream dead. */
    private static final long HEARTBEAT_SECONDS = 15;

    private final transient Set<Viewer> viewers = ConcurrentHashMap.newKeySet();

    /** One open stream: its queue of frames and the thread that writes them. */
    private final class Viewer implements Runnable {
        private final AsyncContext async;
        private final boolean levels;
        private final BlockingQueue<byte[]> frames = new ArrayBlockingQueue<>(QUEUE);
        private volatile boolean closed;

        Viewer(AsyncContext async, boolean levels) {
            this.async = async;
            this.levels = levels;
        }

        void offer(String topic, byte[] frame) {
            if (!levels && topic.equals(RecordingEvents.AUDIO_LEVEL)) return;
            if (!frames.offer(frame)) close(); // fell behind: dropped, it connects again
        }

        @Override
        public void run() {
            try {
                ServletOutputStream out = async.getResponse().getOutputStream();
                out.write(": yike events\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                while (!closed) {
                    byte[] frame = frames.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                    out.write(frame != null ? frame : ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            } catch (IOException | IllegalStateException e) {
                // the viewer went away
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                close();
            }
        }

        void close() {
            if (!viewers.remove(this)) return;
            closed = true;
            try {
                async.complete();
            } catch (IllegalStateException e) {
                // completed already
            }
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (viewers.size() >= MOST_VIEWERS) {
            JsonAnswers.write(resp, 503, Map.of("error", "already " + MOST_VIEWERS + " event streams open: try again later"));
            return;
        }
        resp.setContentType("text/event-stream");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        Viewer viewer = new Viewer(async, "true".equals(req.getParameter("levels")));
        viewers.add(viewer);
        Thread writer = new Thread(viewer, "yike-events-" + req.getRemoteAddr());
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void handleEvent(Event event) {
        if (viewers.isEmpty()) return;
        Map<String, Object> data = new LinkedHashMap<>();
        for (String name : event.getPropertyNames()) {
            if (!name.equals(EventConstants.EVENT_TOPIC)) data.put(name, event.getProperty(name));
        }
        data.put("at", Instant.now().toString());
        byte[] frame;
        try {
            frame = ("event: " + event.getTopic() + "\ndata: " + JsonAnswers.JSON.writeValueAsString(data) + "\n\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.debug("Event {} not sent: its properties are not JSON", event.getTopic(), e);
            return;
        }
        for (Viewer v : viewers) v.offer(event.getTopic(), frame);
    }

    @Deactivate
    void closeAll() {
        viewers.forEach(Viewer::close);
    }
}
