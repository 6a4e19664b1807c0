package org.yike.recording.internal.lesson;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.encoder.Profile;
import org.yike.api.recording.Recording;
import org.yike.media.MediaRuntime;
import org.yike.recording.internal.recovery.Recovery;

/** A lesson the runtime stopped in, recovered at the next start from the files the crash left. */
public class InterruptedLessonTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aCameraFileLeftEmptyIsLeftOutAndTheLessonKept() throws Exception {
        MediaRuntime media = MediaRuntime.outsideFramework();
        Path folder = tmp.getRoot().toPath().resolve("lesson");
        LessonRecord record = new LessonRecord("l1", "101", "Maths", folder,
                List.of(new Profile("recording", 320, 180, 25, 300, 25, 0, 48000, 1, "openh264")), List.of(), null);
        Files.createDirectories(folder);
        // the program as the engine leaves it: fragmented MP4, never finished
        Process ffmpeg = new ProcessBuilder(media.ffmpeg().toString(), "-v", "error", "-nostdin", "-y", "-f", "lavfi",
                "-i", "testsrc2=size=320x180:rate=25", "-t", "2", "-c:v", "mpeg4", "-movflags", "+frag_keyframe+empty_moov",
                record.program().toString()).inheritIO().start();
        assertEquals("ffmpeg made the program", 0, ffmpeg.waitFor());
        // a camera's file listed a moment before the crash, nothing written to it yet
        Path camera = Files.createFile(folder.resolve("resource-cam1.mp4"));
        record.resourceStarted("cam1", camera, 1000);

        Recovery recovery = new Recovery(media, List.of(LessonRecord.read(folder)));
        recovery.start();
        assertTrue("recovered within a minute", recovery.awaitEnd(60_000));

        Recording lesson = LessonRecord.read(folder).toRecording();
        assertEquals(lesson.error(), Recording.State.FINISHED, lesson.state());
        assertEquals("the program is kept", 2.0, media.probe(record.program()).durationSeconds(), 0.1);
        assertTrue("the empty camera file is no longer listed: " + lesson.files(),
                lesson.files().stream().noneMatch(f -> "resource".equals(f.kind())));
        assertTrue(lesson.error(), lesson.error().contains("left out, unreadable: resource-cam1.mp4"));
    }
}
