package org.yike.recording.internal.program;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yike.api.director.Framing;
import org.yike.api.director.Layout;
import org.yike.api.director.ProgramDecision;
import org.yike.api.encoder.VideoFrame;
import org.yike.recording.internal.input.VideoInput;

/**
 * What the program shows now: a layout and its sources, each with its newest picture. A new shot
 * is ready once every one of its sources has delivered a picture taken after the cut, or within the
 * program frame before it; until then the program keeps its last picture, so a cut never shows
 * black or a stale frame.
 */
public final class Shot {

    public final ProgramDecision decision;
    /** What made the director choose it: {@code event:<type>}, {@code operator}, {@code time}, {@code handover}. */
    public final String trigger;
    /** The strategy that chose it. */
    public final String strategy;
    /** The shot before, only framed otherwise ({@link ProgramDecision#reframes}): a crop following someone, not a cut. */
    public final boolean reframe;
    final Layout layout;
    private boolean shown;
    private final List<VideoInput> inputs = new ArrayList<>();
    private final List<ByteBuffer> pictures;
    private final long[] seen;
    private final boolean[] fresh;

    /**
     * {@code pictures} are reused from shot to shot: one buffer per place in the layout. A picture
     * that came at {@code freshNanos} ({@link System#nanoTime()}) or later counts as taken after the cut.
     */
    Shot(ProgramDecision decision, String trigger, String strategy, Map<String, VideoInput> video,
            List<ByteBuffer> pictures, Shot before, long freshNanos) {
        this.decision = decision;
        this.trigger = trigger;
        this.strategy = strategy;
        this.layout = decision.layout();
        this.reframe = before != null && decision.reframes(before.decision);
        for (String key : decision.sources().subList(0, layout.sources())) inputs.add(video.get(key));
        this.pictures = pictures.subList(0, layout.sources());
        this.seen = new long[inputs.size()];
        this.fresh = new boolean[inputs.size()];
        if (before != null) before.inputs.stream().filter(i -> !inputs.contains(i)).forEach(i -> i.want(false, null));
        for (int i = 0; i < inputs.size(); i++) {
            Framing framing = decision.framing().get(decision.sources().get(i));
            inputs.get(i).want(true, framing);
            seen[i] = inputs.get(i).seenBefore(freshNanos, framing);
        }
    }

    /** Room for the largest layout's pictures, at the program's size. */
    static List<ByteBuffer> pictures(int width, int height) {
        List<ByteBuffer> p = new ArrayList<>();
        for (int i = 0; i < Layout.QUAD.sources(); i++) p.add(ByteBuffer.allocateDirect(VideoFrame.bytes(width, height)));
        return p;
    }

    /** Takes the newest pictures; answers whether the shot is ready and has something new to show. */
    boolean update() {
        boolean changed = false;
        boolean ready = true;
        for (int i = 0; i < inputs.size(); i++) {
            long s = inputs.get(i).copyNewerThan(seen[i], pictures.get(i));
            if (s != seen[i]) {
                seen[i] = s;
                fresh[i] = true;
                changed = true;
            }
            ready &= fresh[i];
        }
        return ready && changed;
    }

    /** {@code true} once: the first time the shot is ready, when it goes on screen. */
    boolean firstShown() {
        if (shown) return false;
        shown = true;
        return true;
    }

    boolean shownYet() {
        return shown;
    }

    List<ByteBuffer> pictures() {
        return pictures;
    }
}
