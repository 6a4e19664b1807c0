package org.yike.recording.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.Source;
import org.yike.api.director.ProgramDecision;
import org.yike.api.recording.Recording;
import org.yike.api.recording.RecordingEvents;
import org.yike.recording.internal.lesson.Lesson;
import org.yike.recording.internal.lesson.LessonRecord;
import org.yike.recording.internal.program.Mixer;

/**
 * What the recorder tells everyone through EventAdmin ({@link RecordingEvents}): a lesson's life,
 * its shots, its sources' losses and returns, the disk running full, microphone levels and voices.
 * Each lesson's event names the lesson and its classroom. As a lesson's listener it also sends a
 * shot's framing to the cameras ({@link PtzRouting}) and tells the recorder when a lesson ended.
 */
final class LessonEvents implements Lesson.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(LessonEvents.class);

    private final EventAdmin events;
    private final PtzRouting ptz;
    private final Consumer<Lesson> ended;

    /** @param ended told first when a lesson has ended, so that it no longer counts as running */
    LessonEvents(EventAdmin events, PtzRouting ptz, Consumer<Lesson> ended) {
        this.events = events;
        this.ptz = ptz;
        this.ended = ended;
    }

    void started(LessonRecord r) {
        post(RecordingEvents.STARTED, r, Map.of(RecordingEvents.FILE, r.program().toString()));
    }

    /** A lesson that could not start, or could not record at all. */
    void failed(LessonRecord r, String reason) {
        post(RecordingEvents.FAILED, r, Map.of(RecordingEvents.REASON, reason));
    }

    @Override
    public void ended(Lesson lesson) {
        ended.accept(lesson);
        LessonRecord record = lesson.record;
        Recording r = record.toRecording();
        LOG.info("Lesson {} {}: {}", r.id(), r.state() == Recording.State.FINISHED ? "finished" : "failed",
                r.error() == null ? record.program() : r.error());
        post(r.state() == Recording.State.FINISHED ? RecordingEvents.STOPPED : RecordingEvents.FAILED, record,
                r.error() == null ? Map.of(RecordingEvents.FILE, record.program().toString())
                        : Map.of(RecordingEvents.REASON, r.error()));
    }

    @Override
    public void decided(Lesson lesson, ProgramDecision d) {
        ptz.frame(d);
        post(RecordingEvents.PROGRAM_CHANGED, lesson.record, Map.of(RecordingEvents.SOURCES, d.sources(),
                RecordingEvents.LAYOUT, d.layout().name(), RecordingEvents.REASON, d.cause()));
    }

    @Override
    public void sourceChanged(Lesson lesson, Source source, String problem) {
        post(RecordingEvents.SOURCE_STATE, lesson.record, Map.of(RecordingEvents.SOURCES, List.of(source.key()),
                RecordingEvents.REASON, problem == null ? "back" : problem));
    }

    @Override
    public void diskLow(Lesson lesson, long freeBytes, String reason) {
        post(RecordingEvents.DISK_LOW, lesson.record, Map.of(RecordingEvents.FREE_BYTES, freeBytes,
                RecordingEvents.REASON, reason));
    }

    /** The disk is running full: no lesson starts. */
    void diskLow(long freeBytes, String reason) {
        events.postEvent(new Event(RecordingEvents.DISK_LOW, Map.of(RecordingEvents.FREE_BYTES, freeBytes,
                RecordingEvents.REASON, reason)));
    }

    @Override
    public void levels(Lesson lesson, List<Mixer.Level> levels) {
        for (Mixer.Level l : levels) {
            post(RecordingEvents.AUDIO_LEVEL, lesson.record, Map.of(RecordingEvents.SOURCES, List.of(l.source()),
                    RecordingEvents.RMS_DB, l.rmsDb(), RecordingEvents.PEAK_DB, l.peakDb()));
        }
    }

    /** A voice goes out like any classroom event, and comes back to the lesson's director through the recorder. */
    @Override
    public void heard(Lesson lesson, ClassroomEvent voice) {
        events.postEvent(new Event(voice.topic(), voice.properties()));
    }

    private void post(String topic, LessonRecord r, Map<String, Object> more) {
        Map<String, Object> p = new HashMap<>(more);
        p.put(RecordingEvents.ID, r.id);
        p.put(RecordingEvents.CLASSROOM, r.classroom);
        events.postEvent(new Event(topic, p));
    }
}
