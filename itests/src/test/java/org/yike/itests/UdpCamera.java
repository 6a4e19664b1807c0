package org.yike.itests;

import java.net.DatagramSocket;
import java.nio.file.Path;
import java.util.List;

/**
 * A camera that sends H.264 and AAC: the bundled ffmpeg, streaming a test picture (a red square in
 * its bottom right corner) and a 440 Hz tone as MPEG-TS over UDP on loopback, in real time, keeping
 * a copy of what it sent.
 */
final class UdpCamera {

    final int port;
    final Process process;

    private UdpCamera(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** Starts one, 640x360 at 25 fps, a key frame every second; {@code sent} gets what it sends. */
    static UdpCamera start(InYike yike, Path sent, Path log) throws Exception {
        int port;
        try (DatagramSocket s = new DatagramSocket(0)) {
            port = s.getLocalPort();
        }
        return new UdpCamera(port, yike.ffmpeg(List.of("-v", "error", "-f", "lavfi", "-i",
                "testsrc2=size=640x360:rate=25,format=yuv420p,drawbox=x=iw-30:y=ih-30:w=30:h=30:color=0xFF0000:t=fill,realtime",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000,arealtime",
                "-c:v", "libopenh264", "-b:v", "1000k", "-g", "25", "-c:a", "aac", "-map", "0:v", "-map", "1:a", "-f", "tee",
                "[f=mpegts]udp://127.0.0.1:" + port + "?pkt_size=1316|[f=mpegts]" + sent), log));
    }

    /** Where a classroom reads it. */
    String url() {
        return "udp://127.0.0.1:" + port + "?overrun_nonfatal=1&fifo_size=50000";
    }
}
