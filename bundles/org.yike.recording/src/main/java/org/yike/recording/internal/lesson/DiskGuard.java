package org.yike.recording.internal.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.ObjLongConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps lessons off a full disk: below the least free space no lesson starts, and a running lesson,
 * looked at once a second, ends cleanly, so its file ends cleanly too.
 */
public final class DiskGuard {

    /** The disk has only {@code freeBytes} left, for this reason. */
    public record Low(long freeBytes, String reason) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DiskGuard.class);

    private final Path recordings;
    private final LongSupplier leastFreeBytes;

    /** @param leastFreeBytes read at each look, so a new configuration applies at once */
    public DiskGuard(Path recordings, LongSupplier leastFreeBytes) {
        this.recordings = recordings;
        this.leastFreeBytes = leastFreeBytes;
    }

    /**
     * Before a lesson starts: below the least free space {@code low} is told, and the lesson
     * refused with the reason.
     */
    public void beforeStart(ObjLongConsumer<String> low) {
        long free;
        try {
            Files.createDirectories(recordings);
            free = Files.getFileStore(recordings).getUsableSpace();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write recordings to " + recordings + ": " + e.getMessage(), e);
        }
        long least = leastFreeBytes.getAsLong();
        if (free >= least) return;
        String reason = String.format("only %d MB free for recordings in %s, below the least of %d MB; no lesson starts",
                free >> 20, recordings, least >> 20);
        low.accept(reason, free);
        throw new IllegalStateException(reason);
    }

    /** While a lesson records: why it must end now, if it must. */
    Optional<Low> whileRecording(LessonRecord record) {
        long free;
        try {
            free = Files.getFileStore(record.folder).getUsableSpace();
        } catch (IOException e) {
            // asked again every second: the message says enough, and a trace each time would bury the log
            LOG.warn("Lesson {}: cannot read the free space of {}: {}", record.id, record.folder, e.getMessage());
            return Optional.empty();
        }
        long least = leastFreeBytes.getAsLong();
        if (free >= least) return Optional.empty();
        return Optional.of(new Low(free, String.format("disk space low: %d MB free, below the least of %d MB; the lesson ended",
                free >> 20, least >> 20)));
    }
}
