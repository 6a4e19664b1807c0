package org.yike.publish.internal;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.recording.Recording;
import org.yike.api.recording.Recording.RecordedFile;

public class LessonFilesTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final Instant STARTED = Instant.parse("2026-11-25T08:00:00Z");
    private static final String DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneId.systemDefault()).format(STARTED);

    @Test
    public void theDefaultSendsTheRecordingProfileAndTheMetadata() throws Exception {
        assertEquals(List.of("101/" + DATE + "/数学 第一课.mp4", "101/" + DATE + "/数学 第一课.json"),
                remotes(lesson("{\"course\": \"数学\"}"), null, LessonFiles.Choice.PROGRAM));
    }

    @Test
    public void fieldsTheLessonLacksAreLeftOutWithTheirSeparators() throws Exception {
        assertEquals(List.of("101/数学 第一课.mp4", "101/数学 第一课.json"),
                remotes(lesson("{}"), "{school}/{room}/{teacher}/{course}-{title}-{period}.{ext}", LessonFiles.Choice.PROGRAM));
        assertEquals(List.of("一中/101/王老师/数学-数学 第一课-3.mp4", "一中/101/王老师/数学-数学 第一课-3.json"),
                remotes(lesson("{\"school\": \"一中\", \"teacher\": \"王老师\", \"course\": \"数学\", \"period\": 3}"),
                        "{school}/{room}/{teacher}/{course}-{title}-{period}.{ext}", LessonFiles.Choice.PROGRAM));
    }

    @Test
    public void otherProfilesAndResourcesGetTheirStreamInTheName() throws Exception {
        assertEquals(List.of("101/数学 第一课.mp4", "101/数学 第一课-live.mp4", "101/数学 第一课-cam1_video.mp4",
                "101/数学 第一课.json"), remotes(lesson("{}"), "{room}/{title}.{ext}", LessonFiles.Choice.RESOURCES));
    }

    @Test
    public void aSlashOrAReservedCharacterInAFieldStaysInItsSegment() throws Exception {
        Recording r = lesson("{\"title\": \"../a/b:c\"}");
        assertEquals("101/.._a_b_c.mp4", remotes(r, "{room}/{title}.{ext}", LessonFiles.Choice.PROGRAM).get(0));
    }

    private static List<String> remotes(Recording r, String pattern, LessonFiles.Choice choice) throws Exception {
        return LessonFiles.of(r, pattern, choice).stream().map(LessonFiles.Upload::remote).toList();
    }

    private Recording lesson(String metadata) throws Exception {
        Path folder = tmp.newFolder().toPath();
        Path program = Files.write(folder.resolve("program.mp4"), new byte[10]);
        Path live = Files.write(folder.resolve("program-live.mp4"), new byte[10]);
        Path cam = Files.write(folder.resolve("resource-cam1_video.mp4"), new byte[10]);
        Path json = Files.writeString(folder.resolve("lesson.json"), metadata);
        return new Recording("20261125-101", "101", "数学 第一课", Recording.State.FINISHED, STARTED, STARTED.plusSeconds(60),
                List.of(RecordedFile.program(program.toString(), "recording"), RecordedFile.program(live.toString(), "live"),
                        RecordedFile.resource(cam.toString(), "cam1/video", 0), RecordedFile.metadata(json.toString())),
                null, false);
    }
}
