package org.yike.api.evaluation;

import java.util.List;

/**
 * An indicator of a rubric: a leaf is scored from 0 to {@code maxScore}; a branch is its {@code children}.
 * {@code weight}: its share among its siblings (any positive numbers: 40 and 60 or 0.4 and 0.6 alike).
 */
public record Indicator(String id, String name, double weight, double maxScore, List<Indicator> children) {

    public Indicator {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("an indicator has an id");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("indicator " + id + " has a name");
        if (!(weight > 0)) throw new IllegalArgumentException("indicator " + id + "'s weight must be above 0, not " + weight);
        children = children == null ? List.of() : List.copyOf(children);
        if (children.isEmpty() && !(maxScore > 0)) {
            throw new IllegalArgumentException("indicator " + id + " is scored: its highest score must be above 0, not " + maxScore);
        }
    }

    public boolean scored() {
        return children.isEmpty();
    }
}
