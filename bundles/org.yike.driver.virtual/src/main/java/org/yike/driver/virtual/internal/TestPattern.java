package org.yike.driver.virtual.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.yike.api.device.StreamLocator;

/**
 * FFmpeg test-source graphs that behave like live classroom devices: paced to real time, labelled
 * and time-coded in the picture, and marked in the bottom-right corner with a solid colour key, so
 * a test can tell from decoded output which source the program showed.
 *
 * <p>Each graph starts its own clock when it is opened, so the cameras also carry a marker on the
 * wall clock, which they all share: a white square in the bottom-left corner, lit on the first
 * frame of every wall-clock second. Where two cameras light it in the program tells how far apart
 * the recording keeps them.
 *
 * <p>With a time code, every picture also carries the wall clock at which it was made, as a strip of
 * {@link #TIME_CODE_BITS} black and white cells across its middle (milliseconds since 1970 modulo
 * 2<sup>32</sup>, least significant bit on the left): a viewer on the same machine reads the glass-to-glass
 * latency off each frame it shows.
 *
 * <p>Given a {@link Scene}, the cameras show its people and slides instead of the test patterns, with the
 * same keys, markers and time code.
 */
final class TestPattern {

    /** Colour keys, far apart in YUV so they survive H.264 compression. */
    static final String TEACHER_KEY = "0xFF0000";
    static final String STUDENT_KEY = "0x00FF00";
    static final String COURSEWARE_KEY = "0x0000FF";

    static final int KEY_SIZE_DIVISOR = 12;
    static final int TIME_CODE_BITS = 32;

    private final int width;
    private final int height;
    private final int fps;
    private final String font;
    /** Pictures and sound come this many times faster than real time ({@code Settings.CLOCK_SPEED}). */
    private final double speed;
    private final boolean timeCode;
    /** People and slides to draw instead of the test patterns, or {@code null}. */
    private final Scene scene;

    TestPattern(int width, int height, int fps, String font, double speed, boolean timeCode) {
        this(width, height, fps, font, speed, timeCode, null);
    }

    TestPattern(int width, int height, int fps, String font, double speed, boolean timeCode, Scene scene) {
        this.width = width;
        this.scene = scene;
        this.height = height;
        this.fps = fps;
        this.speed = speed;
        this.timeCode = timeCode;
        this.font = font != null && !font.isBlank() && Files.isReadable(Path.of(font)) ? font : null;
    }

    boolean labelled() {
        return font != null;
    }

    /**
     * The teacher camera also carries a sync marker: a white square in the top-right corner, lit on
     * the first frame of each of its own seconds, as the microphone beeps at the start of each of
     * its own seconds.
     */
    StreamLocator teacher(String label) {
        int k = keySize();
        String picture = scene != null ? scene.teacher(fps) : "testsrc2=size=" + size() + ":rate=" + fps;
        String flash = picture + ",drawbox=x=iw-" + k + ":y=0:w=" + k + ":h=" + k
                + ":color=white:t=fill:enable='lt(mod(t\\,1)\\," + (1.0 / fps) + ")'";
        return video(flash, printable(label), TEACHER_KEY, "");
    }

    StreamLocator student(String label) {
        if (scene != null) return video(scene.students(fps), printable(label), STUDENT_KEY, scene.standing());
        return video("life=size=" + size() + ":rate=" + fps + ":mold=10:ratio=0.2:death_color=0x203040"
                + ":life_color=0x90C0F0:seed=7", printable(label), STUDENT_KEY, "");
    }

    /** A slide deck: the slide number steps every {@code secondsPerSlide} (0: one slide). */
    StreamLocator courseware(String label, int secondsPerSlide) {
        // the scene's slides follow the wall clock, which this label's clock does not know
        if (scene != null) return video(scene.page(fps), printable(label), COURSEWARE_KEY, scene.slides());
        String slide = secondsPerSlide > 0 ? " - slide %{eif\\:floor(t/" + secondsPerSlide + ")+1\\:d}" : "";
        return video("smptehdbars=size=" + size() + ":rate=" + fps, printable(label) + slide, COURSEWARE_KEY, "");
    }

    /**
     * A tone that beeps (twice its pitch, for 40 ms) at the start of every second: the sound of the sync marker;
     * {@code gate}: an expression of t that is 1 while it sounds and 0 while it is silent ({@link Speech#gate}),
     * or null: it sounds throughout.
     */
    StreamLocator microphone(int toneHz, String gate) {
        String volume = gate == null ? "" : ",volume=volume='" + gate + "':eval=frame";
        return new StreamLocator("sine=frequency=" + toneHz + ":beep_factor=2:sample_rate=48000" + volume
                + ",arealtime=speed=" + speed, "lavfi", Map.of());
    }

    /**
     * {@code text} is drawtext's text: printable words, and expansions such as {@code %{pts}};
     * {@code paced} are filters drawn after pacing, where t is the wall clock.
     */
    private StreamLocator video(String source, String text, String key, String paced) {
        int k = keySize();
        StringBuilder g = new StringBuilder(source).append(",format=yuv420p");
        g.append(",drawbox=x=iw-").append(k).append(":y=ih-").append(k).append(":w=").append(k).append(":h=")
                .append(k).append(":color=").append(key).append(":t=fill");
        if (font != null) {
            int size = Math.max(12, height / 18);
            g.append(",drawtext=fontfile=").append(escape(font)).append(":fontsize=").append(size)
                    .append(":fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=").append(size / 4)
                    .append(":x=").append(size / 2).append(":y=").append(size / 2)
                    .append(":text='").append(text).append("  %{pts\\:hms}'");
        }
        // Once paced, a picture's time becomes the wall clock (the label above keeps the graph's own), in
        // milliseconds: javacv multiplies timestamps by 10^6, which overflows for wall-clock microseconds.
        g.append(",realtime=speed=").append(speed).append(",settb=1/1000,setpts=RTCTIME/1000").append(paced);
        // t rounded to whole milliseconds: as a double it is a little off, and would light the next frame too
        g.append(",drawbox=x=0:y=ih-").append(k).append(":w=").append(k).append(":h=").append(k)
                .append(":color=white:t=fill:enable='lt(mod(round(t*1000)\\,1000)\\,").append(1000.0 / fps)
                .append(")'");
        if (timeCode) appendTimeCode(g);
        return new StreamLocator(g.toString(), "lavfi", Map.of());
    }

    /** The strip of cells, drawn after pacing so that t is the wall clock in whole milliseconds. */
    private void appendTimeCode(StringBuilder g) {
        int cell = width / TIME_CODE_BITS;
        int cellHeight = Math.max(8, height / 20);
        String y = "(ih-" + cellHeight + ")/2";
        g.append(",drawbox=x=0:y=").append(y).append(":w=").append(cell * TIME_CODE_BITS).append(":h=").append(cellHeight)
                .append(":color=black:t=fill");
        for (int bit = 0; bit < TIME_CODE_BITS; bit++) {
            g.append(",drawbox=x=").append(bit * cell).append(":y=").append(y).append(":w=").append(cell).append(":h=")
                    .append(cellHeight).append(":color=white:t=fill:enable='eq(mod(floor(round(t*1000)/")
                    .append(1L << bit).append(")\\,2)\\,1)'");
        }
    }

    private int keySize() {
        return Math.max(8, height / KEY_SIZE_DIVISOR) & ~1;
    }

    private String size() {
        return String.format(Locale.ROOT, "%dx%d", width, height);
    }

    /** Filter-graph escaping for an option value outside quotes (a file path). */
    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace(":", "\\:").replace(",", "\\,").replace("'", "\\'");
    }

    /** A label keeps its words; characters that mean something to drawtext or the graph parser go. */
    private static String printable(String label) {
        return label.replaceAll("['\\\\:%,;\\[\\]{}]", " ");
    }
}
