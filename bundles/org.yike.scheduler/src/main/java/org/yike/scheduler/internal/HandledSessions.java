package org.yike.scheduler.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the scheduler did with each session, kept in {@code <data>/scheduler/sessions.json} (written
 * whole and renamed): a restart then neither records a finished session again nor takes a lesson cut
 * off by a crash for one still recording. {@code run} names the runtime process that wrote it, so a
 * scheduler restarted inside the same process knows its recordings are still running.
 */
final class HandledSessions {

    /** A session's recording (null: none, it failed) and whether the scheduler is done with it. */
    record Handled(String recording, boolean done) {
    }

    record Saved(String run, Map<String, Handled> sessions) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    HandledSessions(Path file) {
        this.file = file;
    }

    /** This process, as {@code pid@start}. */
    static String thisRun() {
        ProcessHandle p = ProcessHandle.current();
        return p.pid() + "@" + p.info().startInstant().map(Object::toString).orElse("?");
    }

    /** What an earlier run kept, or nothing; an unreadable file is said and read as nothing. */
    Saved load() throws IOException {
        if (!Files.isRegularFile(file)) return new Saved(null, Map.of());
        Saved s = JSON.readValue(file.toFile(), Saved.class);
        return new Saved(s.run(), s.sessions() == null ? Map.of() : s.sessions());
    }

    void save(String run, Map<String, Handled> sessions) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), new Saved(run, new TreeMap<>(sessions)));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
