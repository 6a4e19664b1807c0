package org.yike.vision.standup.internal;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Arrays;

import com.sun.management.OperatingSystemMXBean;

import org.yike.api.device.ClassroomEvent.Type;
import org.yike.vision.standup.internal.SyntheticClassroom.Rise;

/**
 * The detector's CPU per camera at its default rate (bench/standup-cpu.sh): the pictures of a drawn
 * classroom (flickering light, moving heads, a student standing up every 20 s) drawn first, then fed
 * to one detector as a camera would at 5 a second, as fast as it takes them. The process's CPU time
 * over the feeding (OpenCV's own threads included), per picture and as a share of one core at 5
 * pictures a second; a Markdown table on standard output.
 */
public final class StandUpBench {

    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        double fps = 5;
        SyntheticClassroom room = new SyntheticClassroom(0.1, 3);
        for (int at = 10; at < seconds; at += 20) room.rise(new Rise((at / 20) % 18, at, 4));
        int n = (int) (seconds * fps);
        byte[][] pictures = new byte[n][];
        for (int i = 0; i < n; i++) pictures[i] = room.picture(i / fps);

        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Instant start = Instant.parse("2026-12-08T08:00:00Z");
        try (StandUpDetector detector = new StandUpDetector(StandUpDetectorTest.DEFAULTS, null)) {
            // warm-up: OpenCV's libraries loaded, the JIT done, the room learnt (not counted)
            for (int i = 0; i < Math.min(n, 50); i++) {
                detector.see(start.minusSeconds(60).plusMillis(i * 200L), SyntheticClassroom.WIDTH, SyntheticClassroom.HEIGHT, pictures[i]);
            }
        }
        long[] nanos = new long[n];
        int standUps = 0;
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        try (StandUpDetector detector = new StandUpDetector(StandUpDetectorTest.DEFAULTS, null)) {
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                standUps += (int) detector.see(start.plusMillis(Math.round(i * 1000 / fps)), SyntheticClassroom.WIDTH,
                        SyntheticClassroom.HEIGHT, pictures[i]).stream()
                        .filter(c -> c.type() == Type.STUDENT_STOOD_UP).count();
                nanos[i] = System.nanoTime() - t;
            }
        }
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / n;
        double wallMs = (System.nanoTime() - wall0) / 1e6 / n;
        Arrays.sort(nanos);
        System.out.printf("| pictures | stand-ups drawn / reported | CPU ms per picture | wall ms per picture (median, p95) | CPU per camera at %.0f fps |%n", fps);
        System.out.println("|---|---|---|---|---|");
        System.out.printf("| %d (%d s of camera, 640x360 grey) | %d / %d | %.2f | %.2f (%.2f, %.2f) | %.1f %% of a core |%n", n, seconds,
                (seconds - 10 + 19) / 20, standUps, cpuMs, wallMs, nanos[n / 2] / 1e6, nanos[(int) (n * 0.95)] / 1e6, cpuMs * fps / 10);
    }
}
