package org.yike.itests;

import static org.junit.Assert.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.yike.media.MediaInfo;

/**
 * The optional GPL x264 backend installed into a running Yike: profiles that prefer it are encoded
 * by it (x264 writes High profile H.264, OpenH264 Constrained Baseline).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class X264InFelixTest extends InYike {

    @Inject
    BundleContext context;

    @Test
    public void aLessonEncodedByTheOptionalX264Bundle() throws Exception {
        context.installBundle(Path.of(System.getProperty("yike.x264")).toUri().toString()).start();
        configureRecording(Map.of("backend", "x264", "width", 640, "height", 360, "mobileKbps", 0));

        Api api = new Api().ready();
        String id = RecordingTest.awaitStart(api, "{}").body().get("id").asText();
        api.awaitRecorded(id, 3000); // the lesson tested: 3 s
        JsonNode lesson = api.post("recordings/" + id + "/stop", "").body();
        assertEquals(lesson.toString(), "FINISHED", lesson.get("state").asText());

        Path program = Path.of(lesson.get("files").get(0).get("path").asText());
        JsonNode profiles = new ObjectMapper().readTree(program.resolveSibling("lesson.json").toFile()).get("profiles");
        assertEquals("x264", profiles.get(0).get("backend").asText());
        assertEquals("x264", profiles.get(1).get("backend").asText());
        MediaInfo info = media.probe(program);
        assertEquals("High", info.video().orElseThrow().codecProfile());
        assertEquals(640, info.video().orElseThrow().width());
        assertEquals(3.0, info.durationSeconds(), 0.7);
        assertEquals("aac", info.audio().orElseThrow().codec());
    }
}
