package org.yike.recording.internal.lesson;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

import org.bytedeco.javacv.FrameFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.device.ClassroomEvent;
import org.yike.api.device.Source;
import org.yike.api.director.Director;
import org.yike.api.director.ProgramDecision;
import org.yike.api.director.ProgramSource;
import org.yike.api.encoder.EncoderBackend;
import org.yike.api.encoder.Profile;
import org.yike.api.encoder.VideoFrame;
import org.yike.api.recording.Recording;
import org.yike.api.runtime.Settings;
import org.yike.media.MediaRuntime;

/**
 * One lesson being recorded. The program thread runs on the lesson's own clock: frame n is encoded
 * at n / fps seconds after the start, whatever the sources do, so the file has a constant frame
 * rate and no gaps. Each tick it applies the director's decisions, takes the newest picture of
 * the main source (the previous picture is held until a newly chosen source delivers one, so a cut
 * never shows black), and passes the microphone's sound on.
 */
final class Lesson {

    private static final Logger LOG = LoggerFactory.getLogger(Lesson.class);
    /** Behind real time by more than this, a lesson says so, at most every {@link #LAG_REPEAT_NANOS}. */
    private static final long LAG_WARNING_NANOS = 2_000_000_000L;
    private static final long LAG_REPEAT_NANOS = 10_000_000_000L;
    /**
     * Sound is mixed this far (in real time) behind the picture, so a microphone's delay does not
     * become silence: on a loaded machine a reader thread stalls for a few hundred milliseconds.
     * Sound later than this is silence where it belonged; the {@link Mixer} keeps what follows in
     * step with the picture.
     */
    private static final long MIX_LATENCY_MICROS = 300_000;
    /** The longest a lesson waits for its first pictures before its clock starts anyway. */
    private static final long OPENING_WAIT_NANOS = 5_000_000_000L;
    /** How often microphone levels are published, for meters. */
    private static final int LEVELS_PER_SECOND = 5;

    interface Listener {
        void decided(Lesson lesson, ProgramDecision decision);

        void sourceChanged(Lesson lesson, Source source, String problem);

        void ended(Lesson lesson);

        /** The disk has only {@code freeBytes} left; the lesson ends now. */
        void diskLow(Lesson lesson, long freeBytes, String reason);

        void levels(Lesson lesson, List<Mixer.Level> levels);

        /** A microphone started speaking or fell quiet. */
        void heard(Lesson lesson, ClassroomEvent voice);
    }

    /** What reaches the director, in order, on the program thread. */
    private sealed interface Input {
    }

    private record Happened(ClassroomEvent event) implements Input {
    }

    private record Ordered(ProgramDecision shot) implements Input {
    }

    private record Handover(Director next, String strategy, String cause) implements Input {
    }

    /** Time passes; the same for every frame. */
    private record Tick() implements Input {
    }

    private static final Tick TICK = new Tick();

    final LessonRecord record;
    private final Profile profile;
    /** Only the program thread uses it; a new one comes as a {@link Handover}. */
    private Director director;
    /** The strategy directing now, as the recorder last asked for it. */
    private volatile String strategy;
    /** The shot the director wants now, and what made it want it; the program thread's own. */
    private ProgramDecision decision;
    private String trigger;
    private final List<ProfileOutput> outputs;
    /** Pictures a cut dissolves over; 0: a hard cut. */
    private final int fadeFrames;
    private final Listener listener;
    private final LongSupplier minFreeBytes;
    /** Encodes raw sources' own files in resource mode; {@code null}: they get none. */
    private final EncoderBackend rawEncoder;
    private final RecordingConfig config;
    private final Map<String, VideoInput> video = new LinkedHashMap<>();
    private final List<AudioInput> microphones = new ArrayList<>();
    private final Mixer mixer;
    private final VoiceActivity voices;
    private final ConcurrentLinkedQueue<Input> inputs = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    /** The moment the lesson ends: every frame due before it is encoded, even if the encoder lags. */
    private volatile long stopNanos = Long.MAX_VALUE;
    private volatile long startNanos;
    /** How much faster than real time the lesson's clock runs ({@link Settings#CLOCK_SPEED}); 1 but in simulations. */
    private final double speed;
    private final long origin = System.nanoTime();
    private final long mixLatencyMicros;
    private boolean composeFailed;

    /** Program pictures in flight to the encoders; more would only hide an encoder that cannot keep up. */
    private static final int PICTURES_IN_FLIGHT = 8;

    /**
     * @param profile the recording profile: the program is made at its size and frame rate
     * @param outputs one per profile, the recording profile's first
     * @param config the recording settings as the lesson started
     * @param media told which camera streams the lesson reads, so that status checks measure them without opening them again
     * @param speed how much faster than real time the lesson's clock runs
     * @param rawEncoder the backend of raw sources' own files (resource mode), or {@code null}
     */
    Lesson(LessonRecord record, Profile profile, List<Source> sources, Director director, String strategy,
            List<ProfileOutput> outputs, Listener listener, LongSupplier minFreeBytes, ToDoubleFunction<String> gain,
            RecordingConfig config, MediaRuntime media, double speed, EncoderBackend rawEncoder) {
        this.speed = speed;
        this.mixLatencyMicros = Math.round(MIX_LATENCY_MICROS * speed);
        this.strategy = strategy;
        this.config = config;
        this.rawEncoder = rawEncoder;
        this.fadeFrames = config.transitionMillis() * profile.fps() / 1000;
        this.record = record;
        this.minFreeBytes = minFreeBytes;
        this.profile = profile;
        this.director = director;
        this.outputs = List.copyOf(outputs);
        this.listener = listener;
        this.mixer = new Mixer(profile.audioSampleRate(), profile.audioChannels(), gain);
        this.voices = new VoiceActivity(record.classroom, config.speechDb(), config.quietMillis());
        for (Source s : sources) {
            if (!s.isAudio()) {
                video.put(s.key(), new VideoInput(s, profile, this::sourceChanged,
                        config.resourceMode() ? resources : null, config.decodeOffScreen(), config.lostAfterMillis(), media));
            } else {
                AudioInput mic = new AudioInput(s, profile, () -> now() - startNanos, this::sourceChanged,
                        config.lostAfterMillis(), speed);
                microphones.add(mic);
                mixer.add(s.key(), mic::drain);
            }
        }
        this.thread = new Thread(this::run, "yike-lesson-" + record.id);
    }

    void start() {
        outputs.forEach(ProfileOutput::start);
        video.values().forEach(SourceReader::start);
        microphones.forEach(SourceReader::start);
        thread.start();
    }

    /** Ends the lesson and waits until its file is complete. */
    void stop() {
        end();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** From now on no frame is due; the program thread finishes what is. */
    private void end() {
        stopNanos = now();
        // sound after the end belongs to no frame, however long the encoder takes to catch up
        microphones.forEach(m -> m.run(false));
        // and resource files end with the lesson, not when a lagging program is encoded
        video.values().forEach(SourceReader::closing);
    }

    /** Once a second: below the least free space the lesson ends, so its file ends cleanly too. */
    private void checkDisk() {
        long free;
        try {
            free = Files.getFileStore(record.folder).getUsableSpace();
        } catch (IOException e) {
            LOG.warn("Lesson {}: cannot read the free space of {}: {}", record.id, record.folder, e.getMessage());
            return;
        }
        long least = minFreeBytes.getAsLong();
        if (free >= least) return;
        String reason = String.format("disk space low: %d MB free, below the least of %d MB; the lesson ended",
                free >> 20, least >> 20);
        LOG.error("Lesson {}: {}", record.id, reason);
        record.endsEarly(reason);
        end();
        listener.diskLow(this, free, reason);
    }

    void offer(ClassroomEvent event) {
        record.heard(elapsedMillis(), event);
        inputs.add(new Happened(event));
    }

    /** An operator's shot, for a director that takes orders. */
    void order(ProgramDecision shot) {
        inputs.add(new Ordered(shot));
    }

    /**
     * From the next frame on {@code next} directs; the program holds its last shot until the new
     * director's first decision, so the handover shows no gap and no black.
     */
    void handOver(Director next, String strategy) {
        this.strategy = strategy;
        inputs.add(new Handover(next, strategy, "directed by " + strategy));
    }

    String strategy() {
        return strategy;
    }

    /** The keys of the video sources this lesson records. */
    List<String> videoSources() {
        return List.copyOf(video.keySet());
    }

    List<ProgramSource> programSources() {
        return LessonRecorder.programSources(video.values().stream().map(v -> v.source).toList());
    }

    long elapsedMillis() {
        return startNanos == 0 ? 0 : (now() - startNanos) / 1_000_000;
    }

    /** Pictures that came within the last program frame (in real time) are as good as pictures after a cut. */
    private long freshNanos() {
        return System.nanoTime() - (long) (profile.frameTimeNanos(1) / speed);
    }

    /** The lesson clock's time in nanoseconds: real time, times {@link #speed}. */
    private long now() {
        return (long) ((System.nanoTime() - origin) * speed) + 1;
    }

    /** Resource files: {@code resource-<device>_<source>[-<part>].mp4} beside the program. */
    private final VideoInput.Resources resources = new VideoInput.Resources() {
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
            long at = now();
            synchronized (earlyFiles) {
                if (startNanos == 0) {
                    earlyFiles.add(new EarlyFile(source.key(), file, at));
                    return;
                }
            }
            record.resourceStarted(source.key(), file, (at - startNanos) / 1_000_000);
        }

        @Override
        public RawResource raw(Source source, int part, int width, int height, double fps) throws IOException {
            int kbps = RawResource.kbps(config, source.role());
            if (rawEncoder == null || kbps == 0) return null;
            Profile own = RawResource.of(source.key(), width, height, fps, kbps, profile.withBackend(rawEncoder.id()));
            Path file = file(source, part);
            record.encodedAs(own);
            return new RawResource(own, rawEncoder.open(own, file), record.id, Lesson.this::clockNanos,
                    atMillis -> record.resourceStarted(source.key(), file, atMillis));
        }
    };

    /** The lesson's time since its clock started, in nanoseconds ({@link RawResource#NOT_STARTED} before). */
    private long clockNanos() {
        long start = startNanos;
        return start == 0 ? RawResource.NOT_STARTED : now() - start;
    }

    /** A resource file that began before the lesson's clock, at {@code nanos} of {@link #now()}. */
    private record EarlyFile(String source, Path file, long nanos) {
    }

    /** Guarded by itself; noted in the record once the clock starts. */
    private final List<EarlyFile> earlyFiles = new ArrayList<>();

    /** Starts the lesson's clock now; the resource files that began before it get their (negative) offsets. */
    private void startClock() {
        synchronized (earlyFiles) {
            startNanos = now();
            for (EarlyFile f : earlyFiles) record.resourceStarted(f.source(), f.file(), (f.nanos() - startNanos) / 1_000_000);
            earlyFiles.clear();
        }
    }

    private void sourceChanged(Source source, String problem) {
        record.sourceEvent(elapsedMillis(), source.key(), problem);
        listener.sourceChanged(this, source, problem);
    }

    private void run() {
        ByteBuffer program = ByteBuffer.allocateDirect(VideoFrame.bytes(profile.width(), profile.height()));
        blank(program);
        ProgramFrame.Pool pictures = new ProgramFrame.Pool(PICTURES_IN_FLIGHT, profile.width(), profile.height());
        Composer composer = new Composer(profile.width(), profile.height(), profile.fps());
        Fade fade = fadeFrames > 0 ? new Fade(profile.width(), profile.height(), fadeFrames) : null;
        long audioFrames = 0;
        long encoded = 0;
        List<ByteBuffer> places = Shot.pictures(profile.width(), profile.height());
        decision = ProgramDecision.full(0, video.keySet().iterator().next(), "lesson started");
        trigger = "start";
        apply(new Handover(director, strategy, "lesson started"), 0);
        Shot shot = new Shot(decision, trigger, strategy, video, places, null, freshNanos());
        String failure = null;
        if (awaitOpening(shot)) {
            compose(composer, shot, program);
            shot.firstShown();
        }
        startClock();
        if (shot.shownYet()) shown(shot, 0);
        microphones.forEach(m -> m.run(true));
        try {
            long lagWarned = -LAG_REPEAT_NANOS;
            for (long n = 0; startNanos + profile.frameTimeNanos(n) < stopNanos; n++) {
                long late = now() - (startNanos + profile.frameTimeNanos(n));
                // parkNanos may return early, for no reason: a frame is never taken before its time
                for (; late < 0; late = now() - (startNanos + profile.frameTimeNanos(n))) {
                    LockSupport.parkNanos((long) (-late / speed));
                }
                if (late > LAG_WARNING_NANOS && now() - lagWarned > LAG_REPEAT_NANOS) {
                    lagWarned = now();
                    LOG.warn("Lesson {}: encoding runs {} ms behind real time; the machine is too slow for profile {}",
                            record.id, late / 1_000_000, profile.name());
                }
                if (n % profile.fps() == 0) checkDisk();
                long at = n * 1000 / profile.fps();
                ProgramDecision before = decision;
                for (Input i; (i = inputs.poll()) != null;) apply(i, at);
                apply(TICK, at);
                if (decision != before) {
                    shot = new Shot(decision, trigger, strategy, video, places, shot, freshNanos());
                    if (fade != null) fade.from(program);
                }
                boolean fresh = shot.update();
                if (fresh) compose(composer, shot, fade != null && fade.running() ? fade.target() : program);
                if (fade != null && fade.running()) fade.step(program);
                if (fresh && shot.firstShown()) shown(shot, at);
                ProgramFrame picture = pictures.fill(program, profile.frameTimeMicros(n), outputs.size());
                outputs.forEach(o -> o.video(picture));
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
            composer.close();
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

    /**
     * Passes an input to the director. A director that throws is replaced by one that holds the
     * shot: a broken strategy bundle must not end the lesson.
     */
    private Optional<ProgramDecision> direct(Input input, long at, ProgramDecision current) {
        try {
            if (input instanceof Happened h) return director.onEvent(h.event(), at);
            if (input instanceof Ordered o) return director.onCommand(o.shot().at(at, o.shot().cause()), at);
            if (input instanceof Tick) return director.onTick(at);
            Handover h = (Handover) input;
            director = h.next();
            LOG.info("Lesson {}: directed by {} from {} ms", record.id, h.strategy(), at);
            return Optional.of(director.start().at(at, h.cause()));
        } catch (RuntimeException e) {
            LOG.error("Lesson {}: director {} failed; the shot holds from now on", record.id, strategy, e);
            director = new FixedShot(current);
            strategy = FixedShot.ID;
            return Optional.empty();
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

    /** Puts the shot's pictures into the program; a layout that cannot be composed shows its main picture. */
    private void compose(Composer composer, Shot shot, ByteBuffer program) {
        try {
            composer.compose(shot.layout, shot.pictures(), program);
        } catch (FrameFilter.Exception | RuntimeException e) {
            if (!composeFailed) LOG.warn("Lesson {}: cannot compose {}: {}; showing its main picture", record.id, shot.layout,
                    e.getMessage());
            composeFailed = true;
            program.clear();
            program.put(shot.pictures().get(0).duplicate().clear());
            program.flip();
        }
    }

    /**
     * The lesson's clock starts once the opening shot has its pictures (or after {@link #OPENING_WAIT_NANOS}),
     * so a recording begins with the classroom, not with black while cameras connect.
     */
    private boolean awaitOpening(Shot shot) {
        long until = System.nanoTime() + OPENING_WAIT_NANOS;
        while (stopNanos == Long.MAX_VALUE && System.nanoTime() < until) {
            if (shot.update()) return true;
            LockSupport.parkNanos(5_000_000);
        }
        return false;
    }

    /** Gives the director an input; a decision it makes that this lesson can show becomes the one wanted. */
    private void apply(Input input, long at) {
        direct(input, at, decision).filter(this::showable).ifPresent(d -> {
            decision = d;
            trigger = input instanceof Happened h ? "event:" + h.event().type() : input instanceof Ordered ? "operator"
                    : input instanceof Tick ? "time" : "handover";
        });
    }

    private boolean showable(ProgramDecision d) {
        List<String> missing = d.shown().stream().filter(k -> !video.containsKey(k)).toList();
        if (missing.isEmpty()) return true;
        LOG.warn("Lesson {}: the director chose {}, which this lesson does not record; the shot stays", record.id, missing);
        return false;
    }

    /** The shot is on screen from this frame: that is when the timeline says it began. */
    private void shown(Shot shot, long at) {
        ProgramDecision d = shot.decision.at(at, shot.decision.cause());
        record.decided(d, shot.trigger, shot.strategy);
        listener.decided(this, d);
    }

    /** Black in I420: Y 16, U and V 128. */
    private static void blank(ByteBuffer i420) {
        int luma = i420.capacity() * 2 / 3;
        for (int i = 0; i < i420.capacity(); i++) i420.put(i, (byte) (i < luma ? 16 : 128));
    }
}
