package org.yike.recording.internal.lesson;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.time.LocalDate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.recording.Recording;
import org.yike.api.recording.ScheduledLesson;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

public class LessonRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Test
    public void aLessonWhoseTimetableEntryIsDamagedIsReadWithoutIt() throws Exception {
        Path folder = tmp.getRoot().toPath().resolve("damaged");
        ScheduledLesson period = new ScheduledLesson("s1", "101", LocalDate.of(2026, 9, 1), 1, "第1节", "数学", "王老师", "七(1)班",
                Instant.parse("2026-09-01T00:00:00Z"), Instant.parse("2026-09-01T00:45:00Z"), null);
        new LessonRecord("l2", "101", "数学", folder, List.of(), List.of(), period).end(Instant.now(), Recording.State.FINISHED, null);
        Path json = folder.resolve(LessonRecord.METADATA);
        ObjectNode m = (ObjectNode) JSON.readTree(json.toFile());
        ((ObjectNode) m.get("session")).remove("start");
        JSON.writeValue(json.toFile(), m);

        Recording read = LessonRecord.read(folder).toRecording();
        assertEquals("l2", read.id());
        assertNull("the unreadable timetable entry is left out", read.lesson());
    }

    @Test
    public void aLessonWithoutAStartTimeIsRefusedWithWhere() throws Exception {
        Path folder = tmp.getRoot().toPath().resolve("nostart");
        new LessonRecord("l3", "101", "数学", folder, List.of(), List.of(), null).end(Instant.now(), Recording.State.FINISHED, null);
        Path json = folder.resolve(LessonRecord.METADATA);
        ObjectNode m = (ObjectNode) JSON.readTree(json.toFile());
        m.remove("started");
        JSON.writeValue(json.toFile(), m);
        try {
            LessonRecord.read(folder);
            fail("read a lesson without a start");
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().contains(json.toString()) && e.getMessage().contains("start"));
        }
    }
}
