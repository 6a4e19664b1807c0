package org.yike.kit.driver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.yike.media.MediaRuntime;

/**
 * A network camera on loopback for a driver's tests, a moving test picture in H.264 at
 * {@link #FRAMES_PER_SECOND}, one key frame a second, about 300 kbit/s. Made with {@code new}, the
 * bundled ffmpeg encodes it and this serves it as MPEG-TS over HTTP to any number of viewers, each
 * joining the live stream where it is. Made with {@link #rtsp}, Debian's GStreamer RTSP server
 * serves it ({@code gir1.2-gst-rtsp-server-1.0}, {@code python3-gi}, the GStreamer plugins:
 * {@code ./yike deps} installs them). {@link #stop()} takes the camera away (connections closed,
 * the port refusing), {@link #start()} brings it back on the same port.
 */
public final class LiveStream implements DriverConformanceTest.Peer, AutoCloseable {

    /** The pictures per second the camera sends. */
    public static final int FRAMES_PER_SECOND = 25;

    private static final byte[] ANSWER = "HTTP/1.0 200 OK\r\nContent-Type: video/mp2t\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final MediaRuntime media;
    private final List<String> rtsp;
    private final int port;
    private final List<Socket> viewers = new CopyOnWriteArrayList<>();
    private Process encoder;
    private ServerSocket server;

    public LiveStream(MediaRuntime media) throws IOException {
        this(media, null);
    }

    private LiveStream(MediaRuntime media, List<String> rtsp) throws IOException {
        this.media = media;
        this.rtsp = rtsp;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
    }

    /**
     * The camera on an RTSP server at each of {@code paths} ({@code /Streaming/Channels/101}),
     * asking for digest authentication where {@code user} is not {@code null}.
     */
    public static LiveStream rtsp(String user, String password, String... paths) throws IOException {
        List<String> args = new ArrayList<>();
        if (user != null) args.add(user + ":" + password);
        args.addAll(List.of(paths));
        return new LiveStream(null, args);
    }

    /** The HTTP camera's URL; an RTSP camera's is {@code rtsp://127.0.0.1:}{@link #port()}{@code /path}. */
    public String url() {
        return "http://127.0.0.1:" + port + "/live.ts";
    }

    public int port() {
        return port;
    }

    public synchronized void start() throws IOException {
        if (rtsp != null) {
            startRtsp();
            return;
        }
        ProcessBuilder b = new ProcessBuilder(media.ffmpeg().toString(), "-v", "error", "-nostdin", "-re", "-f", "lavfi",
                "-i", "testsrc2=size=320x180:rate=" + FRAMES_PER_SECOND, "-c:v", "libopenh264", "-b:v", "300k", "-g", "25",
                "-f", "mpegts", "pipe:1").redirectError(ProcessBuilder.Redirect.DISCARD);
        b.environment().put("LD_LIBRARY_PATH", media.ffmpeg().getParent().toString());
        encoder = b.start();
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        daemon("yike-kit-stream-viewers", this::admit, server);
        daemon("yike-kit-stream-pictures", this::relay, encoder.getInputStream());
    }

    /** Runs the kit's GStreamer script and waits until it listens. */
    private void startRtsp() throws IOException {
        Path script = Files.createTempFile("yike-rtsp-camera", ".py");
        try (InputStream in = LiveStream.class.getResourceAsStream("rtsp-camera.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString(), Integer.toString(port)));
        command.addAll(rtsp);
        encoder = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(encoder.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        for (String line; (line = out.readLine()) != null;) {
            if (line.equals("ready " + port)) {
                daemon("yike-kit-rtsp-server", r -> r.lines().forEach(l -> { }), out);
                Files.deleteIfExists(script);
                return;
            }
            said.append(line).append('\n');
        }
        Files.deleteIfExists(script);
        throw new IOException("the GStreamer RTSP server did not start (./yike deps installs it): " + said);
    }

    public synchronized void stop() {
        if (encoder == null) return;
        encoder.destroyForcibly();
        try {
            encoder.waitFor(); // its port free again for start()
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        encoder = null;
        if (rtsp != null) return;
        closeQuietly(server);
        viewers.forEach(LiveStream::closeQuietly);
        viewers.clear();
    }

    @Override
    public void close() {
        stop();
    }

    private void admit(ServerSocket listening) {
        while (!listening.isClosed()) {
            try {
                Socket viewer = listening.accept();
                viewer.getOutputStream().write(ANSWER);
                viewers.add(viewer);
            } catch (IOException closedOrGone) {
                // the camera stopped, or a viewer left before its answer
            }
        }
    }

    private void relay(InputStream pictures) {
        byte[] chunk = new byte[188 * 64];
        try (pictures) {
            for (int n; (n = pictures.read(chunk)) > 0;) {
                for (Socket viewer : viewers) {
                    try {
                        OutputStream out = viewer.getOutputStream();
                        out.write(chunk, 0, n);
                    } catch (IOException left) {
                        viewers.remove(viewer);
                        closeQuietly(viewer);
                    }
                }
            }
        } catch (IOException stopped) {
            // the encoder was stopped
        }
    }

    private static <T> void daemon(String name, Consumer<T> work, T on) {
        Thread t = new Thread(() -> work.accept(on), name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is all that is wanted
        }
    }
}
