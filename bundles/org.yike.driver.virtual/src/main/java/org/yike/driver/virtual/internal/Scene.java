package org.yike.driver.virtual.internal;

import java.util.Locale;

/**
 * What the virtual classroom's cameras show when it shows people, and when things happen in it: rows of
 * seated students of whom one rises now and then, a teacher walking between the podium and the board,
 * slides that change.
 *
 * <p>Each lavfi graph starts its own clock when it is opened, which is whenever a lesson (or a live view)
 * starts reading the camera; the classroom's script runs from the classroom's start. So the stand-ups and
 * slides are a schedule on the wall clock, counted from the classroom's start ({@code epochMillis}): the
 * script posts each event at the moment this schedule names, and the graphs draw from the same schedule
 * after pacing, where a picture's time is the wall clock in whole milliseconds. Every opening of a camera
 * shows the same student up at the same moment, and the event says exactly when and where. The teacher
 * posts no events, so he walks on the graph's own clock.
 *
 * <p>Sizes are fractions of the picture's height so the scene looks alike at every size.
 */
final class Scene {

    static final int ROWS = 3;
    static final int COLUMNS = 6;
    static final int SEATS = ROWS * COLUMNS;
    /** The seat of the k-th stand-up is {@code k * STRIDE mod SEATS}: coprime with 18, so every seat has its turn. */
    private static final int STRIDE = 7;
    static final int LAYOUTS = 4;

    static final String WALL = "0xC8CCD0";
    private static final String HAIR = "0x2A2420";
    private static final String[] SHIRTS = {"0x24407A", "0x7A2430", "0x2F5D3A", "0x404040", "0x6B4A2B"};
    private static final String BOARD = "0x1F4D3A";
    private static final String PODIUM = "0x7A5230";
    private static final String JACKET = "0x34495E";
    private static final String SLIDE_INK = "0x505050";
    private static final String SLIDE_TITLE = "0x1F3A6B";
    private static final String SLIDE_PICTURE = "0xC06020";
    /** Lengths of the text lines of each slide layout, as fractions of the picture's width. */
    private static final double[][] LINES = {
            {0.60, 0.45, 0.55, 0.30, 0.50}, {0.25, 0.35, 0.20, 0.30, 0.15},
            {0.62, 0.60, 0.40, 0.62, 0.35}, {0.30, 0.55, 0.25, 0.45, 0.60}};
    /** A teacher's walk: at the podium, to the board, at the board, back (seconds of the lesson's clock). */
    private static final double STAY = 8, WALK = 4;

    private final int width;
    private final int height;
    private final long epochMillis;
    private final long standPeriod;
    private final long standDuration;
    private final long slidePeriod;

    /**
     * @param speed how many times faster than real time the lesson runs: the schedule's seconds are the
     *              lesson's, so on the wall clock they last {@code 1 / speed} s
     */
    Scene(int width, int height, long epochMillis, double speed, int standsEverySeconds, int standsForSeconds,
            int slidesEverySeconds) {
        this.width = width;
        this.height = height;
        this.epochMillis = epochMillis;
        this.standPeriod = Math.round(standsEverySeconds * 1000 / speed);
        // one student at a time: a stand that would outlast the period ends where the next begins
        this.standDuration = Math.min(standPeriod, Math.round(standsForSeconds * 1000 / speed));
        this.slidePeriod = Math.round(slidesEverySeconds * 1000 / speed);
    }

    // the schedule

    /** Wall-clock millisecond at which the k-th student (from 1) stands up; none when the period is 0. */
    long standsUp(long k) {
        return epochMillis + k * standPeriod;
    }

    long sitsDown(long k) {
        return standsUp(k) + standDuration;
    }

    /** Wall-clock millisecond at which the k-th slide (from 1; the 0th shows from the start) comes. */
    long slideChanges(long k) {
        return epochMillis + k * slidePeriod;
    }

    long standPeriod() {
        return standPeriod;
    }

    long slidePeriod() {
        return slidePeriod;
    }

    static int seat(long k) {
        return (int) (k * STRIDE % SEATS);
    }

    /** Where the k-th standing student is, as the event reports it: the centre of the figure, 0..1 of the picture. */
    double x(long k) {
        return (seatX(seat(k)) + bodyWidth() / 2.0) / width;
    }

    double y(long k) {
        int s = seat(k);
        return (seatY(s) - bodyHeight() + (headHeight() + bodyHeight()) / 2.0) / height;
    }

    // the student camera

    /**
     * Left edge of a seat's body box: six columns across the middle 76 % of the picture, each row half a
     * column beside the next, so a student who rises shows between the heads of the row behind.
     */
    int seatX(int seat) {
        double shift = seat / COLUMNS % 2 == 0 ? 0.25 : 0.75;
        double centre = width * (0.12 + (seat % COLUMNS + shift) * 0.76 / COLUMNS);
        return (int) Math.round(centre - bodyWidth() / 2.0);
    }

    /** Top of a seated student's head: the back row (0) highest in the picture. */
    int seatY(int seat) {
        return (int) Math.round(height * (0.30 + seat / COLUMNS * 0.215));
    }

    int headWidth() {
        return part(0.055);
    }

    int headHeight() {
        return part(0.065);
    }

    int bodyWidth() {
        return part(0.09);
    }

    /** Also how far a student rises. */
    int bodyHeight() {
        return part(0.13);
    }

    /** The still classroom: a plain wall and every student seated. */
    String students(int fps) {
        // the wall drawn as the seat of a student who rises is covered, so that both are the very same colour
        StringBuilder g = new StringBuilder("color=size=").append(size()).append(":rate=").append(fps);
        box(g, 0, 0, width, height, WALL, null);
        for (int s = 0; s < SEATS; s++) figure(g, s, seatY(s), null);
        return g.toString();
    }

    /**
     * Drawn after pacing, where t is the wall clock: the seat whose turn it is covered with wall and its
     * student drawn a body's height higher.
     */
    String standing() {
        if (standPeriod == 0) return "";
        // u: milliseconds since the classroom started; k: the stand-up whose period this is
        String u = "(round(t*1000)-" + epochMillis + ")";
        String k = "floor(" + u + "/" + standPeriod + ")";
        String up = "gte(" + k + "\\," + 1 + ")*lt(" + u + "-" + k + "*" + standPeriod + "\\," + standDuration + ")";
        StringBuilder g = new StringBuilder();
        for (int s = 0; s < SEATS; s++) {
            String enable = up + "*eq(mod(" + k + "*" + STRIDE + "\\," + SEATS + ")\\," + s + ")";
            box(g, seatX(s), seatY(s) + headHeight(), bodyWidth(), bodyHeight(), WALL, enable);
            figure(g, s, seatY(s) - bodyHeight(), enable);
        }
        return g.toString();
    }

    private void figure(StringBuilder g, int seat, int top, String enable) {
        int x = seatX(seat);
        box(g, x + (bodyWidth() - headWidth()) / 2, top, headWidth(), headHeight(), HAIR, enable);
        box(g, x, top + headHeight(), bodyWidth(), bodyHeight(), SHIRTS[seat % SHIRTS.length], enable);
    }

    // the teacher camera

    /**
     * A wall, the board on the left, the podium on the right, and the teacher walking between them, on
     * the graph's clock (the teacher posts no events): a sprite overlaid at an x that follows t, behind the
     * podium.
     */
    String teacher(int fps) {
        int headW = part(0.09), headH = part(0.11), bodyW = part(0.18), bodyH = part(0.42), top = part(0.25);
        double board = width * 0.32 - bodyW / 2.0, podium = width * 0.81 - bodyW / 2.0;
        double cycle = 2 * (STAY + WALK);
        String u = "mod(t\\," + num(cycle) + ")";
        // 0 at the podium, 1 at the board: up during the first walk, down during the second
        String where = "(clip((" + u + "-" + num(STAY) + ")/" + num(WALK) + "\\,0\\,1)-clip((" + u + "-"
                + num(2 * STAY + WALK) + ")/" + num(WALK) + "\\,0\\,1))";
        StringBuilder g = new StringBuilder("color=c=").append(WALL).append(":size=").append(size()).append(":rate=")
                .append(fps);
        box(g, (int) (width * 0.08), part(0.12), (int) (width * 0.47), part(0.43), BOARD, null);
        g.append("[room];color=c=black@0:size=").append(bodyW).append('x').append(headH + bodyH)
                .append(":rate=1,format=yuva420p,trim=end_frame=1");
        g.append(",drawbox=x=").append((bodyW - headW) / 2).append(":y=0:w=").append(headW).append(":h=").append(headH)
                .append(":color=").append(HAIR).append(":t=fill:replace=1");
        g.append(",drawbox=x=0:y=").append(headH).append(":w=").append(bodyW).append(":h=").append(bodyH)
                .append(":color=").append(JACKET).append(":t=fill:replace=1[teacher];");
        g.append("[room][teacher]overlay=x='").append(num(podium)).append("+").append(num(board - podium)).append("*")
                .append(where).append("':y=").append(top).append(":eof_action=repeat");
        box(g, (int) (width * 0.72), part(0.58), (int) (width * 0.18), part(0.37), PODIUM, null);
        return g.toString();
    }

    // the courseware screen

    /** A white page: the slides are drawn on it after pacing ({@link #slides()}). */
    String page(int fps) {
        return "color=c=white:size=" + size() + ":rate=" + fps;
    }

    /**
     * Drawn after pacing, where t is the wall clock: a title bar, five lines of text and a picture, laid
     * out one of {@value #LAYOUTS} ways; each slide takes the next layout, so a new slide changes a good
     * part of the page.
     */
    String slides() {
        StringBuilder g = new StringBuilder();
        box(g, (int) (width * 0.05), part(0.14), (int) (width * 0.9), part(0.1), SLIDE_TITLE, null);
        String layout = "mod(floor((round(t*1000)-" + epochMillis + ")/" + slidePeriod + ")\\," + LAYOUTS + ")";
        for (int l = 0; l < (slidePeriod == 0 ? 1 : LAYOUTS); l++) {
            String enable = slidePeriod == 0 ? null : "eq(" + layout + "\\," + l + ")";
            boolean pictureLeft = l % 2 == 1;
            int textX = (int) (width * (pictureLeft ? 0.35 : 0.05));
            for (int line = 0; line < LINES[l].length; line++) {
                box(g, textX, part(0.32 + line * 0.1), (int) (width * LINES[l][line]), part(0.05), SLIDE_INK, enable);
            }
            box(g, (int) (width * (pictureLeft ? 0.05 : 0.72)), part(0.32), (int) (width * 0.25), part(0.4),
                    SLIDE_PICTURE, enable);
        }
        return g.toString();
    }

    private static void box(StringBuilder g, int x, int y, int w, int h, String colour, String enable) {
        g.append(",drawbox=x=").append(x).append(":y=").append(y).append(":w=").append(w).append(":h=").append(h)
                .append(":color=").append(colour).append(":t=fill");
        if (enable != null) g.append(":enable='").append(enable).append('\'');
    }

    private int part(double ofHeight) {
        return (int) Math.round(height * ofHeight);
    }

    private String size() {
        return width + "x" + height;
    }

    private static String num(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
