package org.yike.kit.driver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.yike.media.MediaRuntime;

/**
 * A network camera on loopback for a driver's tests: the bundled ffmpeg encodes a moving test
 * picture (H.264 in MPEG-TS, one key frame a second) and this serves it over HTTP to any number of
 * viewers, each joining the live stream where it is. {@link #stop()} takes the camera away
 * (connections closed, the port refusing), {@link #start()} brings it back on the same port.
 */
public final class LiveStream implements AutoCloseable {

    /** The pictures per second the camera sends. */
    public static final int FRAMES_PER_SECOND = 25;

    private static final byte[] ANSWER = "HTTP/1.0 200 OK\r\nContent-Type: video/mp2t\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final MediaRuntime media;
    private final int port;
    private final List<Socket> viewers = new CopyOnWriteArrayList<>();
    private Process encoder;
    private ServerSocket server;

    public LiveStream(MediaRuntime media) throws IOException {
        this.media = media;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/live.ts";
    }

    public int port() {
        return port;
    }

    public synchronized void start() throws IOException {
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

    public synchronized void stop() {
        if (encoder == null) return;
        encoder.destroyForcibly();
        closeQuietly(server);
        viewers.forEach(LiveStream::closeQuietly);
        viewers.clear();
        encoder = null;
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
