package org.yike.api.publish;

import java.util.List;
import java.util.Map;

/**
 * A place lessons are published to: its connector {@code type}, its configuration without any
 * secret, and the names of the secrets that are set ({@code password}, never its value).
 */
public record Target(String name, String type, Map<String, Object> config, List<String> secretsSet) {

    public Target {
        config = Map.copyOf(config);
        secretsSet = List.copyOf(secretsSet);
    }
}
