package org.yike.recording.internal.lesson;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.yike.api.device.Role;
import org.yike.api.device.Source;
import org.yike.api.encoder.EncoderBackend;
import org.yike.api.encoder.Profile;
import org.yike.recording.internal.RecordingConfig;
import org.yike.recording.internal.input.VideoInput;
import org.yike.recording.internal.live.CameraFeed;
import org.yike.recording.internal.live.LiveChannels;
import org.yike.recording.internal.output.RawResource;

/**
 * A lesson's resource files in resource mode: {@code resource-<device>_<source>[-<part>].mp4}
 * beside the program, each noted in the lesson's record with its offset on the lesson's clock; and
 * each camera's own live stream, named by its source's key.
 */
final class LessonResources implements VideoInput.Resources {

    /** A resource file that began before the lesson's clock, at {@code nanos} of {@link LessonClock#now()}. */
    private record EarlyFile(String source, Path file, long nanos) {
    }

    private final LessonRecord record;
    private final LessonClock clock;
    private final RecordingConfig config;
    /** The recording profile: raw sources' own files take its key frame interval and backend. */
    private final Profile program;
    /** Encodes raw sources' own files; {@code null}: they get none. */
    private final EncoderBackend rawEncoder;
    private final LiveChannels live;
    /** Guarded by itself; noted in the record once the clock starts. */
    private final List<EarlyFile> earlyFiles = new ArrayList<>();

    LessonResources(LessonRecord record, LessonClock clock, RecordingConfig config, Profile program,
            EncoderBackend rawEncoder, LiveChannels live) {
        this.live = live;
        this.record = record;
        this.clock = clock;
        this.config = config;
        this.program = program;
        this.rawEncoder = rawEncoder;
    }

    @Override
    public Path file(Source source, int part) {
        String name = "resource-" + source.key().replaceAll("[^\\p{L}\\p{N}._-]", "_") + (part > 1 ? "-" + part : "");
        return record.folder.resolve(name + ".mp4");
    }

    /**
     * A camera that is not in the opening shot may begin its file before the lesson's clock
     * starts: its offset is then negative, known once the clock starts.
     */
    @Override
    public void started(Source source, Path file) {
        long at = clock.now();
        synchronized (earlyFiles) {
            if (clock.startNanos() == 0) {
                earlyFiles.add(new EarlyFile(source.key(), file, at));
                return;
            }
        }
        record.resourceStarted(source.key(), file, (at - clock.startNanos()) / 1_000_000);
    }

    @Override
    public RawResource raw(Source source, int part, int width, int height, double fps, CameraFeed feed) throws IOException {
        int kbps = kbps(config, source.role());
        if (rawEncoder == null || kbps == 0) return null;
        Profile own = RawResource.of(source.key(), width, height, fps, kbps, program.withBackend(rawEncoder.id()));
        Path file = file(source, part);
        record.encodedAs(own);
        AtomicLong offsetMicros = new AtomicLong();
        return new RawResource(own, rawEncoder.open(own, file, feed.encoded(offsetMicros::get)), record.id, clock::runningNanos,
                atMicros -> {
                    offsetMicros.set(atMicros);
                    record.resourceStarted(source.key(), file, atMicros / 1000);
                });
    }

    @Override
    public CameraFeed camera(Source source) {
        return live.camera(record.classroom, source.key(), record.id, this::lessonMicros);
    }

    /** Where the lesson's clock is now, in microseconds; 0 before it starts, which the opening shot's first picture does. */
    private long lessonMicros() {
        long start = clock.startNanos();
        return start == 0 ? 0 : (clock.now() - start) / 1000;
    }

    /** Starts the lesson's clock now; the resource files that began before it get their (negative) offsets. */
    void startClock() {
        synchronized (earlyFiles) {
            long start = clock.start();
            for (EarlyFile f : earlyFiles) record.resourceStarted(f.source(), f.file(), (f.nanos() - start) / 1_000_000);
            earlyFiles.clear();
        }
    }

    /** The bitrate of a raw source's own file by its role (kbit/s); 0: it gets none. */
    static int kbps(RecordingConfig config, Role role) {
        return switch (role) {
            case TEACHER_CLOSEUP, TEACHER_WIDE -> config.teacherResourceKbps();
            case STUDENT_CLOSEUP, STUDENT_WIDE -> config.studentResourceKbps();
            case COURSEWARE -> config.coursewareResourceKbps();
            case BLACKBOARD -> config.blackboardResourceKbps();
            case MICROPHONE -> 0;
        };
    }
}
