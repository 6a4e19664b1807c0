package org.yike.connector.skeleton.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.recording.Recording;

public class SkeletonConnectorTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void theFilesArriveAndEveryByteIsReported() throws Exception {
        Path program = Files.write(tmp.newFile("program.mp4").toPath(), new byte[100_000]);
        Path metadata = Files.writeString(tmp.newFile("lesson.json").toPath(), "{}");
        Recording lesson = new Recording("20261125-101", "101", "Maths", Recording.State.FINISHED, Instant.EPOCH,
                Instant.EPOCH.plusSeconds(60), List.of(Recording.RecordedFile.program(program.toString(), "recording"),
                        Recording.RecordedFile.metadata(metadata.toString())), null, false);
        Path platform = tmp.newFolder("platform").toPath();
        AtomicLong sent = new AtomicLong();

        new SkeletonConnector(folder("")).publish(lesson, Map.of("folder", platform.toString()), sent::set);

        assertArrayEquals(Files.readAllBytes(program), Files.readAllBytes(platform.resolve("20261125-101/program.mp4")));
        assertEquals("{}", Files.readString(platform.resolve("20261125-101/lesson.json")));
        assertEquals(100_002, sent.get());
    }

    @Test
    public void withoutAFolderTheReasonIsSaid() {
        Recording empty = new Recording("r", "101", "", Recording.State.FINISHED, Instant.EPOCH, Instant.EPOCH, List.of(),
                null, false);
        IOException e = assertThrows(IOException.class, () -> new SkeletonConnector(folder("")).publish(empty, Map.of(), n -> {
        }));
        assertEquals("no folder to publish to: set folder", e.getMessage());
    }

    /** The configuration DS would pass. */
    private static SkeletonConfig folder(String folder) {
        return new SkeletonConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SkeletonConfig.class;
            }

            @Override
            public String folder() {
                return folder;
            }
        };
    }
}
