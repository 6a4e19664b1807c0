package org.yike.recording.internal.recovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.media.MediaRuntime;
import org.yike.recording.internal.lesson.LessonRecord;

/**
 * Finishes the files of lessons an earlier run was stopped in, on a thread of its own
 * ({@code yike-recover-lessons}), so the runtime need not wait for it. Stopped, it ends after the
 * lesson it is recovering: a lesson left then is recovered at the next start.
 */
public final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final MediaRuntime media;
    private final Thread thread;

    public Recovery(MediaRuntime media, List<LessonRecord> interrupted) {
        this.media = media;
        this.thread = new Thread(() -> {
            for (LessonRecord r : interrupted) if (!Thread.currentThread().isInterrupted()) recover(r);
        }, "yike-recover-lessons");
    }

    public void start() {
        thread.start();
    }

    /** No further lesson is recovered. */
    public void stop() {
        thread.interrupt();
    }

    /**
     * Waits for the lesson being recovered: its remux, once begun, is let finish, as a half-written
     * copy would be left beside it. Answers whether it has.
     */
    public boolean awaitEnd(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    /**
     * The program file of an interrupted lesson is fragmented MP4, readable up to its last whole
     * fragment (at most one GOP lost); copying its streams into an ordinary MP4 finishes it. Another
     * file the crash left unreadable (a camera's file begun a moment before, still empty) is left
     * out of the lesson, which keeps the rest.
     */
    private void recover(LessonRecord r) {
        Path program = r.program();
        try {
            if (!Files.isRegularFile(program) || Files.size(program) == 0) throw new IOException("no video was written");
            double seconds = 0;
            List<String> unreadable = new ArrayList<>();
            for (Path file : r.videos()) {
                Path done = file.resolveSibling(file.getFileName() + ".recovered.mp4");
                try {
                    media.remux(file, done);
                } catch (IOException e) {
                    if (file.equals(program)) throw e;
                    Files.deleteIfExists(done);
                    unreadable.add(file.getFileName() + " (" + e.getMessage() + ")");
                    r.leaveOut(file);
                    continue;
                }
                if (file.equals(program)) seconds = media.probe(done).durationSeconds();
                Files.move(done, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            r.recovered(seconds, unreadable);
            LOG.warn("Lesson {} was interrupted; its first {} s are recovered in {}", r.id, Math.round(seconds), program);
        } catch (IOException | RuntimeException e) {
            r.lost(e.getMessage());
            // a file the crash left unreadable is to be expected, and the message says what; anything else is a fault
            if (e instanceof IOException) LOG.error("Lesson {} was interrupted and cannot be recovered: {}", r.id, e.getMessage());
            else LOG.error("Lesson {} was interrupted and cannot be recovered", r.id, e);
        }
    }
}
