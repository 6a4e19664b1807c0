package org.yike.recording.internal.lesson;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.recording.Recording;

public class LessonRecordTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aRunningLessonReportsItsClockAndKeepsWhereItEnded() throws Exception {
        Path folder = tmp.getRoot().toPath().resolve("lesson");
        LessonRecord record = new LessonRecord("l1", "101", "Maths", folder, List.of(), List.of(), null);
        assertEquals("no clock yet", 0, record.toRecording().recordedMillis());
        AtomicLong clock = new AtomicLong(1500);
        record.timedBy(clock::get);
        assertEquals(1500, record.toRecording().recordedMillis());
        clock.set(4000);
        assertEquals("read each time", 4000, record.toRecording().recordedMillis());

        record.end(Instant.now(), Recording.State.FINISHED, null);
        clock.set(9000);
        assertEquals("where the clock stood at the end", 4000, record.toRecording().recordedMillis());
        assertEquals("and so in lesson.json", 4000, LessonRecord.read(folder).toRecording().recordedMillis());
    }
}
