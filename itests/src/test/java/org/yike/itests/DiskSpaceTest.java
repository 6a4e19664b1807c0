package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.yike.api.recording.RecordingEvents;
import org.yike.media.MediaInfo;

/**
 * The least free disk space, set above what the disk has: no lesson starts, and a running lesson
 * ends by itself with a readable file and a DISK_LOW alert.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DiskSpaceTest extends InYike {

    @Inject
    BundleContext context;

    @Test
    public void aLowDiskRefusesNewLessonsAndEndsRunningOnesCleanly() throws Exception {
        BlockingQueue<Event> alerts = new LinkedBlockingQueue<>();
        Dictionary<String, Object> topic = new Hashtable<>();
        topic.put(EventConstants.EVENT_TOPIC, RecordingEvents.DISK_LOW);
        context.registerService(EventHandler.class, alerts::add, topic);
        Api api = new Api().ready();
        Path data = dataFolder();
        Files.createDirectories(data);
        long moreThanFree = (Files.getFileStore(data).getUsableSpace() >> 20) + 100_000;

        leastFree(moreThanFree);
        // the classroom may not be there yet
        Api.Answer refused = Await.until("classroom 101 there", 10, () -> api.post("recordings", "{\"classroom\": \"101\"}"),
                a -> a.status() != 404);
        assertEquals(409, refused.status());
        assertTrue(refused.body().toString(), refused.body().get("error").asText().contains("MB free"));
        // the console's disk bar: the least free space and the disk's as the API reports them
        JsonNode disk = api.get("status").body().get("disk");
        assertEquals(disk.toString(), moreThanFree << 20, disk.get("minFreeBytes").asLong());
        assertTrue(disk.toString(), disk.get("freeBytes").asLong() > 0 && disk.get("totalBytes").asLong() >= disk.get("freeBytes").asLong());
        assertNotNull("an alert for the refused lesson", alerts.poll(5, TimeUnit.SECONDS));

        leastFree(0);
        String id = RecordingTest.awaitStart(api, "{}").body().get("id").asText();
        api.awaitRecorded(id, 3000); // the lesson tested: 3 s before the disk runs low
        leastFree(moreThanFree);
        Event alert = alerts.poll(5, TimeUnit.SECONDS);
        assertNotNull("an alert when the running lesson ends", alert);
        assertEquals(id, alert.getProperty(RecordingEvents.ID));

        JsonNode lesson = Await.until("lesson " + id + " ended", 5, () -> api.get("recordings/" + id).body(),
                l -> !l.get("state").asText().equals("RECORDING"));
        assertEquals("FINISHED", lesson.get("state").asText());
        assertTrue(lesson.get("partial").asBoolean());
        assertTrue(lesson.get("error").asText(), lesson.get("error").asText().contains("disk space low"));
        MediaInfo info = media.probe(Path.of(lesson.get("files").get(0).get("path").asText()));
        assertEquals("h264", info.video().orElseThrow().codec());
        assertTrue("about 3 s recorded, got " + info.durationSeconds(),
                info.durationSeconds() > 2 && info.durationSeconds() < 6);
        leastFree(0);
    }

    private void leastFree(long megabytes) throws Exception {
        configureRecording(with(SMALL_PROGRAM, "minFreeMegabytes", megabytes));
    }
}
