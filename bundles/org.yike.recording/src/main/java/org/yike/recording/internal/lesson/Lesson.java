package org.yike.recording.internal.lesson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToDoubleFunction;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.Source;
import org.yike.api.director.Director;
import org.yike.api.director.ProgramDecision;
import org.yike.api.director.ProgramSource;
import org.yike.api.encoder.EncoderBackend;
import org.yike.api.encoder.Profile;
import org.yike.api.recording.Recording;
import org.yike.media.MediaRuntime;
import org.yike.recording.internal.RecordingConfig;
import org.yike.recording.internal.input.AudioInput;
import org.yike.recording.internal.input.SourceReader;
import org.yike.recording.internal.input.VideoInput;
import org.yike.recording.internal.live.LiveChannels;
import org.yike.recording.internal.vision.PictureFeeds;
import org.yike.recording.internal.output.ProfileOutput;
import org.yike.recording.internal.output.ProgramFrame;
import org.yike.recording.internal.program.Directing;
import org.yike.recording.internal.program.Mixer;
import org.yike.recording.internal.program.ProgramPicture;
import org.yike.recording.internal.program.Shot;
import org.yike.recording.internal.program.VoiceActivity;

/**
 * One lesson being recorded. The program thread runs on the lesson's own clock: frame n is encoded
 * at n / fps seconds after the start, whatever the sources do, so the file has a constant frame
 * rate and no gaps. Each tick it applies the director's decisions, takes the newest picture of
 * the main source (the previous picture is held until a newly chosen source delivers one, so a cut
 * never shows black), and passes the microphone's sound on.
 */
public final class Lesson {

    private static final Logger LOG = LoggerFactory.getLogger(Lesson.class);
    /** Behind real time by more than this, a lesson says so, at most every {@link #LAG_REPEAT_NANOS}. */
    private static final long LAG_WARNING_NANOS = 2_000_000_000L;
    private static final long LAG_REPEAT_NANOS = 10_000_000_000L;
    /** The longest a lesson waits for its first pictures before its clock starts anyway. */
    private static final long OPENING_WAIT_NANOS = 5_000_000_000L;
    /** How often microphone levels are published, for meters. */
    private static final int LEVELS_PER_SECOND = 5;

    /** What the recorder hears of a lesson. */
    public interface Listener {
        void decided(Lesson lesson, ProgramDecision decision);

        void sourceChanged(Lesson lesson, Source source, String problem);

        void ended(Lesson lesson);

        /** The disk has only {@code freeBytes} left; the lesson ends now. */
        void diskLow(Lesson lesson, long freeBytes, String reason);

        void levels(Lesson lesson, List<Mixer.Level> levels);

        /** A microphone started speaking or fell quiet. */
        void heard(Lesson lesson, ClassroomEvent voice);
    }

    public final LessonRecord record;
    private final Profile profile;
    private final Directing directing;
    private final List<ProfileOutput> outputs;
    /** Pictures a cut dissolves over; 0: a hard cut. */
    private final int fadeFrames;
    private final Listener listener;
    private final DiskGuard disk;
    private final LessonClock clock;
    private final LessonResources resources;
    private final Map<String, VideoInput> video = new LinkedHashMap<>();
    private final List<AudioInput> microphones = new ArrayList<>();
    private final Mixer mixer;
    private final VoiceActivity voices;
    private final Thread thread;
    private final long mixLatencyMicros;

    /**
     * @param profile the recording profile: the program is made at its size and frame rate
     * @param outputs one per profile, the recording profile's first
     * @param config the recording settings as the lesson started
     * @param media told which camera streams the lesson reads, so that status checks measure them without opening them again
     * @param speed how much faster than real time the lesson's clock runs
     * @param rawEncoder the backend of raw sources' own files (resource mode), or {@code null}
     * @param live where cameras' own live streams go (resource mode)
     * @param pictures where analysis plugins get the cameras' pictures
     */
    public Lesson(LessonRecord record, Profile profile, List<Source> sources, Director director, String strategy,
            List<ProfileOutput> outputs, Listener listener, DiskGuard disk, ToDoubleFunction<String> gain,
            RecordingConfig config, MediaRuntime media, double speed, EncoderBackend rawEncoder, LiveChannels live,
            PictureFeeds pictures) {
        this.clock = new LessonClock(speed);
        // sound later than this is silence where it belonged; the Mixer keeps what follows in step with the picture
        this.mixLatencyMicros = Math.round(config.soundDelayMillis() * 1000L * speed);
        this.resources = new LessonResources(record, clock, config, profile, rawEncoder, live);
        this.fadeFrames = config.transitionMillis() * profile.fps() / 1000;
        this.record = record;
        record.timedBy(clock::elapsedMillis);
        this.disk = disk;
        this.profile = profile;
        this.outputs = List.copyOf(outputs);
        this.listener = listener;
        this.mixer = new Mixer(profile.audioSampleRate(), profile.audioChannels(), gain);
        this.voices = new VoiceActivity(record.classroom, config.speechDb(), config.quietMillis());
        for (Source s : sources) {
            if (!s.isAudio()) {
                video.put(s.key(), new VideoInput(s, profile, this::sourceChanged,
                        config.resourceMode() ? resources : null, config.decodeOffScreen(), config.lostAfterMillis(), media,
                        pictures.tap(record.classroom, record.id, s)));
            } else {
                AudioInput mic = new AudioInput(s, profile, clock::sinceStart, this::sourceChanged,
                        config.lostAfterMillis(), speed);
                microphones.add(mic);
                mixer.add(s.key(), mic::drain);
            }
        }
        this.directing = new Directing(record.id, video.keySet(), director, strategy);
        this.thread = new Thread(this::run, "yike-lesson-" + record.id);
    }

    public void start() {
        outputs.forEach(ProfileOutput::start);
        video.values().forEach(SourceReader::start);
        microphones.forEach(SourceReader::start);
        thread.start();
    }

    /** Ends the lesson and waits until its file is complete. */
    public void stop() {
        end();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** From now on no frame is due; the program thread finishes what is. */
    private void end() {
        clock.stop();
        // sound after the end belongs to no frame, however long the encoder takes to catch up
        microphones.forEach(m -> m.run(false));
        // and resource files end with the lesson, not when a lagging program is encoded
        video.values().forEach(SourceReader::closing);
    }

    /** Once a second: below the least free space the lesson ends, so its file ends cleanly too. */
    private void checkDisk() {
        disk.whileRecording(record).ifPresent(low -> {
            LOG.error("Lesson {}: {}", record.id, low.reason());
            record.endsEarly(low.reason());
            end();
            listener.diskLow(this, low.freeBytes(), low.reason());
        });
    }

    public void offer(ClassroomEvent event) {
        record.heard(clock.elapsedMillis(), event);
        directing.offer(event);
    }

    /** An operator's shot, for a director that takes orders. */
    public void order(ProgramDecision shot) {
        directing.order(shot);
    }

    /** See {@link Directing#handOver}. */
    public void handOver(Director next, String strategy) {
        directing.handOver(next, strategy);
    }

    /** The keys of the video sources this lesson records. */
    public List<String> videoSources() {
        return List.copyOf(video.keySet());
    }

    public List<ProgramSource> programSources() {
        return Directing.programSources(video.values().stream().map(v -> v.source).toList());
    }

    /** Pictures that came within the last program frame (in real time) are as good as pictures after a cut. */
    private long freshNanos() {
        return System.nanoTime() - (long) (profile.frameTimeNanos(1) / clock.speed());
    }

    private void sourceChanged(Source source, String problem) {
        record.sourceEvent(clock.elapsedMillis(), source.key(), problem);
        listener.sourceChanged(this, source, problem);
    }

    private void run() {
        ProgramPicture picture = new ProgramPicture(record.id, profile, fadeFrames, video);
        long audioFrames = 0;
        long encoded = 0;
        directing.open(video.keySet().iterator().next());
        picture.open(directing, freshNanos());
        String failure = null;
        long openingNanos = System.nanoTime();
        awaitOpening(picture);
        resources.startClock();
        long startNanos = clock.startNanos();
        LOG.info("Lesson {}: first frame, the opening shot's pictures came in {} ms", record.id,
                (System.nanoTime() - openingNanos) / 1_000_000);
        if (picture.onScreen() != null) shown(picture.onScreen(), 0);
        microphones.forEach(m -> m.run(true));
        try {
            long lagWarned = -LAG_REPEAT_NANOS;
            for (long n = 0; startNanos + profile.frameTimeNanos(n) < clock.stopNanos(); n++) {
                long late = clock.now() - (startNanos + profile.frameTimeNanos(n));
                // parkNanos may return early, for no reason: a frame is never taken before its time
                for (; late < 0; late = clock.now() - (startNanos + profile.frameTimeNanos(n))) {
                    LockSupport.parkNanos((long) (-late / clock.speed()));
                }
                if (late > LAG_WARNING_NANOS && clock.now() - lagWarned > LAG_REPEAT_NANOS) {
                    lagWarned = clock.now();
                    LOG.warn("Lesson {}: encoding runs {} ms behind real time; the machine is too slow for profile {}",
                            record.id, late / 1_000_000, profile.name());
                }
                if (n % profile.fps() == 0) checkDisk();
                long at = n * 1000 / profile.fps();
                if (directing.tick(at)) picture.cut(directing, freshNanos());
                Shot shown = picture.update();
                if (shown != null) shown(shown, at);
                ProgramFrame frame = picture.frame(profile.frameTimeMicros(n), outputs.size());
                outputs.forEach(o -> o.video(frame));
                audioFrames = passSound(audioFrames, profile.frameTimeMicros(n + 1) - mixLatencyMicros);
                if (n % Math.max(1, profile.fps() / LEVELS_PER_SECOND) == 0 && !microphones.isEmpty()) {
                    List<Mixer.Level> levels = mixer.levels();
                    listener.levels(this, levels);
                    voices.update(levels, at).forEach(v -> listener.heard(this, v));
                }
                if (outputs.stream().allMatch(o -> o.failure() != null)) break;
                encoded = n + 1;
            }
            passSound(audioFrames, profile.frameTimeMicros(encoded));
        } catch (InterruptedException e) {
            failure = "interrupted";
        } catch (RuntimeException e) {
            failure = e.toString();
            LOG.error("Lesson {} failed: {}", record.id, failure, e);
        } finally {
            picture.close();
            // every source stops at once, whichever is slow to close
            microphones.forEach(SourceReader::closing);
            video.values().forEach(SourceReader::closing);
            microphones.forEach(SourceReader::close);
            video.values().forEach(SourceReader::close);
            outputs.forEach(ProfileOutput::finish);
            List<String> failures = new ArrayList<>();
            if (failure != null) failures.add(failure);
            outputs.stream().map(ProfileOutput::failure).filter(Objects::nonNull).forEach(failures::add);
            boolean programLost = failure != null || outputs.get(0).failure() != null;
            record.end(Instant.now(), programLost ? Recording.State.FAILED : Recording.State.FINISHED,
                    failures.isEmpty() ? null : String.join("; ", failures));
            listener.ended(this);
        }
    }

    /** Mixes the microphones up to {@code untilMicros} of the lesson and gives the sound to every profile. */
    private long passSound(long written, long untilMicros) {
        if (microphones.isEmpty()) return written;
        long due = untilMicros * mixer.sampleRate() / 1_000_000;
        if (due <= written) return written;
        return sound(written, mixer.mix((int) (due - written)), mixer.sampleRate(), mixer.channels());
    }

    /** Gives every profile the same samples (read-only); answers the sample frames written so far. */
    private long sound(long written, short[] samples, int rate, int channels) {
        for (ProfileOutput o : outputs) o.audio(rate, channels, written * 1_000_000 / rate, samples);
        return written + samples.length / channels;
    }

    /**
     * The lesson's clock starts once the opening shot has its pictures (or after {@link #OPENING_WAIT_NANOS}),
     * so a recording begins with the classroom, not with black while cameras connect.
     */
    private void awaitOpening(ProgramPicture picture) {
        long until = System.nanoTime() + OPENING_WAIT_NANOS;
        while (!clock.stopped() && System.nanoTime() < until) {
            if (picture.opening()) return;
            LockSupport.parkNanos(5_000_000);
        }
    }

    /**
     * The shot is on screen from this frame: that is when the timeline says it began. A shot reframed
     * (a crop following the teacher, several times a second) is no new entry: the timeline lists cuts.
     */
    private void shown(Shot shot, long at) {
        if (shot.reframe) return;
        ProgramDecision d = shot.decision.at(at, shot.decision.cause());
        record.decided(d, shot.trigger, shot.strategy);
        listener.decided(this, d);
    }
}
