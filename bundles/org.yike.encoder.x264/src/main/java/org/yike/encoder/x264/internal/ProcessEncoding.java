package org.yike.encoder.x264.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.yike.api.encoder.AudioChunk;
import org.yike.api.encoder.Encoding;
import org.yike.api.encoder.Profile;
import org.yike.api.encoder.VideoFrame;

/**
 * An FFmpeg process encoding raw pictures (I420 on its standard input) and sound, where the
 * profile has it (16-bit PCM through a named pipe), into a fragmented MP4. Each input has its own writer thread, and sound is
 * never held back: FFmpeg reads its inputs in step, so a caller blocked on a full picture queue
 * must already have handed over the sound FFmpeg waits for. The process starts with the first
 * picture, whose size it then expects throughout; it scales to the profile itself.
 */
final class ProcessEncoding implements Encoding {

    /** A poison pill that ends a writer. */
    private static final byte[] END = new byte[0];
    /** About two seconds of pictures in flight to the process. */
    private static final int QUEUED_PICTURES = 50;

    private final Path ffmpeg;
    private final Profile profile;
    private final Path file;
    private final List<String> videoCodec;
    private final Path soundPipe;
    private final BlockingQueue<byte[]> pictures = new ArrayBlockingQueue<>(QUEUED_PICTURES);
    /** Unbounded, but small: 192 kB a second of lesson. */
    private final BlockingQueue<byte[]> sound = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile IOException broken;
    private Process process;
    private int width;
    private int height;

    ProcessEncoding(Path ffmpeg, Profile profile, Path file, List<String> videoCodec) throws IOException {
        this.ffmpeg = ffmpeg;
        this.profile = profile;
        this.file = file;
        this.videoCodec = videoCodec;
        Files.createDirectories(file.toAbsolutePath().getParent());
        // a profile without sound (a source's own pictures) has no pipe and no sound input
        this.soundPipe = profile.hasSound() ? file.resolveSibling(file.getFileName() + ".pcm") : null;
        if (soundPipe != null) {
            Files.deleteIfExists(soundPipe);
            run(List.of("mkfifo", "-m", "600", soundPipe.toString()));
        }
    }

    @Override
    public void video(VideoFrame frame) throws IOException {
        failIfBroken();
        if (process == null) start(frame.width(), frame.height());
        if (frame.width() != width || frame.height() != height) {
            throw new IOException("picture " + frame.width() + "x" + frame.height() + " after " + width + "x" + height);
        }
        byte[] copy = new byte[VideoFrame.bytes(width, height)];
        frame.i420().duplicate().get(copy);
        put(pictures, copy);
    }

    @Override
    public void audio(AudioChunk chunk) throws IOException {
        failIfBroken();
        ShortBuffer samples = chunk.samples().duplicate();
        ByteBuffer bytes = ByteBuffer.allocate(samples.remaining() * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(samples);
        sound.add(bytes.array());
    }

    private void start(int w, int h) throws IOException {
        width = w;
        height = h;
        // Raw inputs need no probing; probing would wait for seconds of sound that only come with
        // pictures the process is not yet reading.
        List<String> command = new ArrayList<>(List.of(ffmpeg.toString(), "-v", "error", "-y",
                "-probesize", "32", "-analyzeduration", "0", "-f", "rawvideo", "-pix_fmt", "yuv420p", "-s", w + "x" + h, "-r", Integer.toString(profile.fps()),
                "-i", "pipe:0"));
        if (soundPipe != null) {
            command.addAll(List.of("-probesize", "32", "-analyzeduration", "0", "-f", "s16le",
                    "-ar", Integer.toString(profile.audioSampleRate()), "-ac", Integer.toString(profile.audioChannels()),
                    "-i", soundPipe.toString(), "-map", "0:v", "-map", "1:a", "-c:a", "aac", "-b:a", profile.audioKbps() + "k"));
        }
        command.addAll(videoCodec);
        command.addAll(List.of("-b:v", profile.videoKbps() + "k", "-maxrate", profile.videoKbps() + "k",
                "-bufsize", 2 * profile.videoKbps() + "k", "-g", Integer.toString(profile.gopFrames()),
                "-s", profile.width() + "x" + profile.height(), "-pix_fmt", "yuv420p",
                "-movflags", "+frag_keyframe+empty_moov+delay_moov+default_base_moof",
                "-frag_duration", "1000000", "-flush_packets", "1", "-f", "mp4", file.toString()));
        ProcessBuilder b = new ProcessBuilder(command)
                .redirectError(file.resolveSibling(file.getFileName() + ".log").toFile());
        b.environment().put("LD_LIBRARY_PATH", ffmpeg.getParent().toString());
        process = b.start();
        writers.add(writer("pictures", pictures, process.getOutputStream()));
        if (soundPipe != null) writers.add(writer("sound", sound, null));
    }

    /** Writes a queue into the process; {@code out} null: the sound pipe, opened by the writer. */
    private Thread writer(String what, BlockingQueue<byte[]> queue, OutputStream out) {
        Thread t = new Thread(() -> {
            try (OutputStream o = out != null ? out : Files.newOutputStream(soundPipe)) {
                for (byte[] b; (b = queue.take()) != END;) o.write(b);
            } catch (IOException e) {
                broken = new IOException("the x264 process stopped taking " + what + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "yike-x264-" + what + "-" + file.getFileName());
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void put(BlockingQueue<byte[]> queue, byte[] data) throws IOException {
        try {
            while (!queue.offer(data, 1, TimeUnit.SECONDS)) failIfBroken();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void failIfBroken() throws IOException {
        if (broken != null) throw broken;
        if (process != null && !process.isAlive() && process.exitValue() != 0) {
            throw new IOException("the x264 process ended with " + process.exitValue() + "; see " + log());
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (process == null) return;
            sound.add(END);
            if (!process.isAlive()) {
                // writers of a dead process: drop what they hold, and free the one waiting for a reader
                pictures.clear();
                if (soundPipe != null) unblockSoundWriter();
            }
            put(pictures, END);
            for (Thread t : writers) t.join(60_000);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("the x264 process did not finish the file within 60 s");
            }
            if (process.exitValue() != 0) throw new IOException("the x264 process ended with " + process.exitValue()
                    + ": " + String.join(" ", Files.readAllLines(log())));
            if (broken != null) throw broken;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while finishing " + file, e);
        } finally {
            if (soundPipe != null) Files.deleteIfExists(soundPipe);
        }
    }

    /** Opening the sound pipe waits for a reader; with the process gone, this is one. */
    private void unblockSoundWriter() {
        Thread reader = new Thread(() -> {
            try (var in = Files.newInputStream(soundPipe)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // the pipe is gone: the writer is free already
            }
        }, "yike-x264-unblock-" + file.getFileName());
        reader.setDaemon(true);
        reader.start();
    }

    private Path log() {
        return file.resolveSibling(file.getFileName() + ".log");
    }

    private static void run(List<String> command) throws IOException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + new String(p.getInputStream().readAllBytes()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
