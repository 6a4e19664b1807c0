package org.yike.publish.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.publish.Job;

/**
 * The queue on disk: one JSON file per job in {@code <data>/publish/jobs}, written whole to a
 * temporary file and renamed over the last one, so a crash leaves the old state or the new one.
 */
final class Journal {

    /** A job as the queue keeps it; field names are the JSON keys. */
    static final class Entry {
        public String id;
        public String recording;
        public String room;
        public String target;
        public Job.State state = Job.State.QUEUED;
        public long bytesSent;
        public long total;
        public int attempts;
        public String error;
        public Instant created;
        public Instant updated;
        /** When a job waiting to retry may go again. */
        public Instant notBefore;
        /** Remote names already complete under their final name. */
        public List<String> done = new ArrayList<>();

        Job job() {
            return new Job(id, recording, room, target, state, bytesSent, total, attempts, error, created, updated);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path folder;

    Journal(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    /** Every job written so far; a file that cannot be read is named in the log and left alone. */
    List<Entry> load() throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path f : files) {
                try {
                    entries.add(JSON.readValue(f.toFile(), Entry.class));
                } catch (IOException e) {
                    LOG.warn("Publishing job {} is unreadable and left out", f, e);
                }
            }
        }
        return entries;
    }

    void save(Entry e) throws IOException {
        Path file = folder.resolve(e.id + ".json");
        Path tmp = folder.resolve(e.id + ".json.tmp");
        JSON.writeValue(tmp.toFile(), e);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException x) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
