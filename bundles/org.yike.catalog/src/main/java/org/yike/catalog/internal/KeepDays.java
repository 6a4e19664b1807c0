package org.yike.catalog.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * How many days retention keeps a lesson of each category, a category being one of its tags ({@code 常态课=30}),
 * with {@code *} for lessons without any tag listed. A lesson with several listed tags is kept the longest of
 * theirs; a lesson of no listed category, with no {@code *}, is kept for good.
 */
record KeepDays(Map<String, Integer> byTag, Integer otherwise) {

    static final KeepDays FOREVER = new KeepDays(Map.of(), null);
    static final String OTHERWISE = "*";

    KeepDays {
        byTag = Map.copyOf(byTag);
    }

    /**
     * The rules {@code entries} write as {@code tag=days}.
     *
     * @throws IllegalArgumentException naming the first entry that is not {@code tag=days} with days of at least 1, or a
     *         tag given twice
     */
    static KeepDays parse(String... entries) {
        Map<String, Integer> byTag = new LinkedHashMap<>();
        Integer otherwise = null;
        for (String entry : entries == null ? new String[0] : entries) {
            if (entry == null || entry.isBlank()) continue;
            int eq = entry.lastIndexOf('=');
            String tag = eq < 0 ? "" : entry.substring(0, eq).strip();
            int days;
            try {
                days = Integer.parseInt(entry.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                days = 0;
            }
            if (tag.isEmpty() || days < 1) {
                throw new IllegalArgumentException("'" + entry + "' is not category=days (a tag or *, and days of at least 1)");
            }
            if (tag.equals(OTHERWISE) ? otherwise != null : byTag.containsKey(tag)) {
                throw new IllegalArgumentException("'" + tag + "' has days twice");
            }
            if (tag.equals(OTHERWISE)) otherwise = days;
            else byTag.put(tag, days);
        }
        return new KeepDays(byTag, otherwise);
    }

    boolean keepsAll() {
        return byTag.isEmpty() && otherwise == null;
    }

    /** A category and its days. */
    record Rule(String category, int days) {
    }

    /** The rule that keeps a lesson with these tags longest; empty where it is kept for good. */
    Optional<Rule> ruleFor(List<String> tags) {
        Optional<Rule> tagged = tags.stream().filter(byTag::containsKey).map(t -> new Rule(t, byTag.get(t)))
                .max(Comparator.comparingInt(Rule::days));
        return tagged.isPresent() || otherwise == null ? tagged : Optional.of(new Rule(OTHERWISE, otherwise));
    }

    /** The fewest days of any rule: no lesson younger than that is due. */
    int fewest() {
        return IntStream.concat(byTag.values().stream().mapToInt(Integer::intValue),
                otherwise == null ? IntStream.empty() : IntStream.of(otherwise)).min().orElse(Integer.MAX_VALUE);
    }
}
