package org.yike.api.publish;

import java.util.List;
import java.util.Map;

/**
 * A place lessons are published to: its connector {@code type}, its configuration without any
 * secret, the names of the secrets that are set ({@code password}, never its value), and what it is
 * doing now where its connector tells ({@code status}, e.g. a live push's; else {@code null}).
 */
public record Target(String name, String type, Map<String, Object> config, List<String> secretsSet, String status) {

    public Target {
        config = Map.copyOf(config);
        secretsSet = List.copyOf(secretsSet);
    }

    public Target(String name, String type, Map<String, Object> config, List<String> secretsSet) {
        this(name, type, config, secretsSet, null);
    }

    /** This target with its connector's {@code status}. */
    public Target withStatus(String status) {
        return new Target(name, type, config, secretsSet, status);
    }
}
