package org.yike.live.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The streams for players, under {@code /live/{room}/{stream}}: a WebSocket there gets FLV in binary
 * messages; {@code .flv} the same FLV as an endless HTTP response; {@code /index.m3u8} and its
 * segments HLS. A stream that does not run answers the room's state (JSON, 404), except a WebSocket,
 * which waits for it.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/live/*")
public class LiveServlet extends JettyWebSocketServlet {

    private static final long serialVersionUID = 1L;
    private static final String NAME = "([^/]+)";
    private static final Pattern SOCKET = Pattern.compile("/" + NAME + "/" + NAME);
    private static final Pattern FLV = Pattern.compile("/" + NAME + "/" + NAME + "\\.flv");
    private static final Pattern HLS = Pattern.compile("/" + NAME + "/" + NAME + "/(index\\.m3u8|segment-[0-9]+\\.ts)");
    /** Longer than the pings a waiting viewer gets. */
    private static final Duration IDLE = Duration.ofSeconds(30);

    private final transient LiveHubs hubs;
    private final transient RoomStates rooms;

    @Activate
    public LiveServlet(@Reference LiveHubs hubs, @Reference RoomStates rooms) {
        this.hubs = hubs;
        this.rooms = rooms;
    }

    @Override
    protected void configure(JettyWebSocketServletFactory factory) {
        factory.setIdleTimeout(IDLE);
        factory.setCreator((request, response) -> {
            Matcher m = SOCKET.matcher(String.valueOf(request.getHttpServletRequest().getPathInfo()));
            if (!m.matches()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "a live stream is /live/{room}/{stream}");
                return null;
            }
            // no permessage-deflate, which every browser offers: video does not compress, and each
            // viewer's copy of every message would be deflated on its own
            response.setExtensions(List.of());
            return new SocketViewer(hubs, m.group(1), m.group(2));
        });
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = String.valueOf(request.getPathInfo());
        Matcher flv = FLV.matcher(path);
        Matcher hls = HLS.matcher(path);
        try {
            if (flv.matches()) flv(flv.group(1), flv.group(2), response);
            else if (hls.matches()) hls(hls.group(1), hls.group(2), hls.group(3), response);
            else if (SOCKET.matcher(path).matches()) {
                rooms.answer(response, HttpServletResponse.SC_BAD_REQUEST, "open it as a WebSocket, or add .flv or /index.m3u8",
                        null);
            } else {
                rooms.answer(response, HttpServletResponse.SC_NOT_FOUND,
                        "a live stream is /live/{room}/{stream} (WebSocket), .flv or /index.m3u8", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void flv(String room, String name, HttpServletResponse response) throws IOException, InterruptedException {
        if (!hubs.running(room, name)) {
            rooms.answer(response, HttpServletResponse.SC_NOT_FOUND, "stream " + name + " does not run now", room);
            return;
        }
        response.setContentType("video/x-flv");
        noCache(response);
        response.flushBuffer();
        HttpViewer viewer = new HttpViewer();
        FlvHub hub = hubs.watch(room, name, viewer);
        try {
            viewer.serve(response.getOutputStream());
        } catch (IOException playerLeft) {
            // the player closed its connection: the usual end of watching, nothing to report
        } finally {
            hub.leave(viewer);
        }
    }

    private void hls(String room, String name, String file, HttpServletResponse response)
            throws IOException, InterruptedException {
        boolean playlist = file.equals(HlsHub.PLAYLIST);
        HlsHub hub;
        try {
            hub = hubs.hls(room, name);
        } catch (IllegalArgumentException e) {
            rooms.answer(response, HttpServletResponse.SC_NOT_FOUND, "stream " + name + " does not run now", room);
            return;
        }
        // the first playlist comes with the first segment, a key frame interval or two after the start
        Path f = hub.file(file, playlist ? 1000L * (3 * hubs.limits().hlsSegmentSeconds() + 5) : 0);
        if (f == null) {
            rooms.answer(response, HttpServletResponse.SC_NOT_FOUND, (playlist ? "no segment yet" : "no such segment: " + file), room);
            return;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (IOException e) {
            rooms.answer(response, HttpServletResponse.SC_NOT_FOUND, "the segment is gone: " + file, room);
            return;
        }
        response.setContentType(playlist ? "application/vnd.apple.mpegurl" : "video/mp2t");
        if (playlist) noCache(response);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static void noCache(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-cache, no-store");
        response.setHeader("Access-Control-Allow-Origin", "*");
    }
}
