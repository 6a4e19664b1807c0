package org.yike.driver.virtual.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A scripted conversation for the classroom's microphones: who speaks for how many seconds, in turn, over
 * and over from when a microphone opens. {@code "T 20, S 10, - 5"}: the teacher for 20 s, a student for
 * 10 s, nobody for 5 s. Empty: no script, the teacher's microphone sounds throughout.
 */
record Speech(List<Turn> turns) {

    /** {@code who}: T (the teacher), S (a student) or - (nobody). */
    record Turn(char who, int seconds) {
    }

    static final char TEACHER = 'T';
    static final char STUDENT = 'S';

    /** @throws IllegalArgumentException saying which part of the script does not read */
    static Speech parse(String script) {
        List<Turn> turns = new ArrayList<>();
        if (script == null || script.isBlank()) return new Speech(turns);
        for (String part : script.split(",", -1)) {
            String[] words = part.strip().split("\\s+");
            if (words.length != 2 || !words[0].matches("[TS-]") || !words[1].matches("[0-9]{1,5}") || Integer.parseInt(words[1]) == 0) {
                throw new IllegalArgumentException("speech '" + part.strip() + "' must be T, S or - and whole seconds, e.g. 'T 20, S 10'");
            }
            turns.add(new Turn(words[0].charAt(0), Integer.parseInt(words[1])));
        }
        return new Speech(turns);
    }

    boolean scripted() {
        return !turns.isEmpty();
    }

    /**
     * An FFmpeg expression of the time {@code t} (seconds since the microphone opened): 1 while {@code who}
     * speaks, 0 otherwise; its commas escaped for a filter graph. Null without a script.
     */
    String gate(char who) {
        if (!scripted()) return null;
        int period = turns.stream().mapToInt(Turn::seconds).sum();
        String at = "mod(t\\," + period + ")";
        List<String> spans = new ArrayList<>();
        int from = 0;
        for (Turn turn : turns) {
            if (turn.who() == who) spans.add("gte(" + at + "\\," + from + ")*lt(" + at + "\\," + (from + turn.seconds()) + ")");
            from += turn.seconds();
        }
        return spans.isEmpty() ? "0" : String.join("+", spans);
    }
}
