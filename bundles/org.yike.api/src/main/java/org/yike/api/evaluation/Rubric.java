package org.yike.api.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A rubric (评价量表) in one version: its indicators, up to four levels deep. Importing one whose content
 * differs from the newest version of its id makes the next version; an evaluation keeps the version it
 * was started with.
 */
public record Rubric(String id, int version, String name, List<Indicator> indicators, Instant created) {

    /** How deep indicators may nest (the four-level systems districts use). */
    public static final int DEEPEST = 4;

    public Rubric {
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("a rubric's id is 1 to 100 letters, digits or . _ -, not '" + id + "'");
        }
        if (name == null || name.isBlank()) throw new IllegalArgumentException("rubric " + id + " has a name");
        if (indicators == null || indicators.isEmpty()) throw new IllegalArgumentException("rubric " + id + " has no indicators");
        indicators = List.copyOf(indicators);
        Set<String> ids = new HashSet<>();
        check(indicators, 1, ids);
    }

    private static void check(List<Indicator> level, int depth, Set<String> ids) {
        for (Indicator i : level) {
            if (depth > DEEPEST) throw new IllegalArgumentException("indicator " + i.id() + " is deeper than " + DEEPEST + " levels");
            if (!ids.add(i.id())) throw new IllegalArgumentException("indicator id " + i.id() + " is used twice");
            check(i.children(), depth + 1, ids);
        }
    }

    /** The scored indicators, each with its share of the whole (the weights along its path, normalised per level). */
    public List<Share> shares() {
        List<Share> shares = new ArrayList<>();
        collect(indicators, 1.0, shares);
        return shares;
    }

    /** A scored indicator and its share of a total of 1. */
    public record Share(Indicator indicator, double share) {
    }

    private static void collect(List<Indicator> level, double share, List<Share> into) {
        double sum = level.stream().mapToDouble(Indicator::weight).sum();
        for (Indicator i : level) {
            double mine = share * i.weight() / sum;
            if (i.scored()) into.add(new Share(i, mine));
            else collect(i.children(), mine, into);
        }
    }
}
