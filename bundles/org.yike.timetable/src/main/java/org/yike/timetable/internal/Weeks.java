package org.yike.timetable.internal;

import java.util.BitSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The teaching weeks of a lesson: {@code all}, {@code odd}, {@code even}, or lists and ranges such as
 * {@code 1-8,10-16}, as Chinese timetable exports also write them: {@code 1-16周}, {@code 1-15周(单)},
 * {@code 2-16周(双)}, with full-width punctuation.
 */
final class Weeks {

    static final int MOST = 60;
    private static final Pattern ITEM = Pattern.compile("(\\d+)(?:-(\\d+))?周?(?:\\((单|双|odd|even)\\)|(单|双)周?)?");

    private Weeks() {
    }

    /** The weeks as bits (week n is bit n); a text that is none of the forms above throws, saying so. */
    static BitSet parse(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("\\s", "").replace('，', ',').replace('、', ',')
                .replace('；', ',').replace(';', ',').replace('（', '(').replace('）', ')').replace('－', '-')
                .replace('—', '-').replace('～', '-').replace('~', '-').replace('–', '-');
        BitSet weeks = new BitSet();
        switch (t) {
            case "all", "全部", "每周" -> weeks.set(1, MOST + 1);
            case "odd", "单", "单周" -> set(weeks, 1, MOST, 1);
            case "even", "双", "双周" -> set(weeks, 1, MOST, 0);
            default -> {
                for (String item : t.split(",")) {
                    Matcher m = ITEM.matcher(item);
                    if (!m.matches()) throw new IllegalArgumentException("weeks '" + text + "': '" + item
                            + "' is not a week or range such as 1-8, 1-16周, 1-15周(单)");
                    int from = Integer.parseInt(m.group(1));
                    int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
                    if (from < 1 || to < from || to > MOST) {
                        throw new IllegalArgumentException("weeks '" + text + "': " + item + " is no range of weeks 1 to " + MOST);
                    }
                    String parity = m.group(3) != null ? m.group(3) : m.group(4);
                    set(weeks, from, to, parity == null ? -1 : parity.equals("单") || parity.equals("odd") ? 1 : 0);
                }
            }
        }
        return weeks;
    }

    /** Weeks {@code from} to {@code to}; {@code parity} 1 odd only, 0 even only, -1 every. */
    private static void set(BitSet weeks, int from, int to, int parity) {
        for (int w = from; w <= to; w++) if (parity < 0 || w % 2 == parity) weeks.set(w);
    }
}
