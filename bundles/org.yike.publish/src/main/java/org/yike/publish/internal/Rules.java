package org.yike.publish.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.yike.api.publish.Rule;

/** The rooms whose lessons go to a target as they finish, in {@code <data>/publish/rules.json}. */
final class Rules {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;
    private final List<Rule> rules = new ArrayList<>();

    Rules(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) rules.addAll(JSON.readValue(file.toFile(), new TypeReference<List<Rule>>() { }));
    }

    synchronized List<Rule> list() {
        return List.copyOf(rules);
    }

    synchronized Rule add(Rule r) throws IOException {
        if (!rules.contains(r)) {
            rules.add(r);
            save();
        }
        return r;
    }

    synchronized Rule remove(Rule r) throws IOException {
        if (!rules.remove(r)) throw new IllegalArgumentException("no rule publishing room " + r.room() + " to " + r.target());
        save();
        return r;
    }

    private void save() throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), rules);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
