package org.yike.media.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.javacpp.Loader;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.encoder.AudioChunk;
import org.yike.api.encoder.PacketSink;
import org.yike.api.encoder.Profile;
import org.yike.api.encoder.VideoFrame;
import org.yike.api.live.LivePacket;
import org.yike.api.live.LiveTrack;

/** The encoding on FFmpeg's API, read back by the bundled ffprobe: its file, and the packets it handed out. */
public class Mp4EncodingTest {

    private static final Map<String, String> OPENH264 = Map.of("allow_skip_frames", "0", "rc_mode", "bitrate");
    private static FfmpegRuntime ffmpeg;

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** What an encoding handed out. */
    private static final class Taken implements PacketSink {
        LiveTrack video;
        LiveTrack audio;
        final List<LivePacket> packets = new ArrayList<>();

        @Override
        public void tracks(LiveTrack v, LiveTrack a) {
            assertTrue("tracks once, before any packet", video == null && packets.isEmpty());
            video = v;
            audio = a;
        }

        @Override
        public void packet(LivePacket p) {
            packets.add(p);
        }

        List<LivePacket> of(LiveTrack.Kind kind) {
            return packets.stream().filter(p -> p.kind() == kind).toList();
        }
    }

    @BeforeClass
    public static void load() throws IOException {
        ffmpeg = FfmpegRuntime.load(Path.of("target", "yike-data"));
    }

    @Test
    public void threeSecondsInTheFileAreThePacketsHandedOut() throws Exception {
        Profile profile = new Profile("live", 320, 240, 25, 400, 25, 64, 48000, 2, "openh264");
        Path file = tmp.getRoot().toPath().resolve("live.mp4");
        Taken taken = new Taken();
        try (Mp4Encoding encoding = Mp4Encoding.open(profile, file, "libopenh264", OPENH264, taken)) {
            for (int n = 0; n < 75; n++) {
                encoding.video(new VideoFrame(320, 240, profile.frameTimeMicros(n), picture(320, 240, n)));
                // a frame's sound, as the program's mixer passes it: 1920 stereo samples
                encoding.audio(new AudioChunk(48000, 2, n * 40_000L, tone(1920, 2, n * 1920)));
            }
        }

        assertEquals(LiveTrack.video("h264", 320, 240, taken.video.config()), taken.video);
        byte[] sps = taken.video.config();
        assertTrue("SPS and PPS in Annex B", sps.length > 8 && sps[0] == 0 && sps[1] == 0 && sps[2] == 0 && sps[3] == 1
                && (sps[4] & 0x1f) == 7);
        // AAC LC (2), 48 kHz (index 3), two channels; FFmpeg's encoder adds a sync extension after it
        assertArrayEquals(new byte[] {0x11, (byte) 0x90}, java.util.Arrays.copyOf(taken.audio.config(), 2));
        assertEquals(48000, taken.audio.sampleRate());
        assertTrue("a key frame first", taken.packets.get(0).startsPicture());

        JsonNode probe = ffprobe(file);
        JsonNode streams = probe.get("streams");
        assertEquals("h264", streams.get(0).get("codec_name").asText());
        assertEquals("aac", streams.get(1).get("codec_name").asText());
        assertEquals(3.0, probe.at("/format/duration").asDouble(), 0.05);
        assertEquals("sound starts at 0", 0, streams.get(1).get("start_time").asDouble(), 0.001);
        List<Double> pictureTimes = new ArrayList<>();
        for (JsonNode p : probe.get("packets")) {
            if (p.get("stream_index").asInt() == 0) pictureTimes.add(p.get("pts_time").asDouble());
        }
        for (int n = 0; n < pictureTimes.size(); n++) {
            // without the edit list that hides AAC's priming, frame 1 comes 21 ms late, and all after it
            assertEquals("frame " + n + " in step with the sound", profile.frameTimeMicros(n) / 1e6, pictureTimes.get(n), 0.001);
        }

        List<LivePacket> video = taken.of(LiveTrack.Kind.VIDEO);
        List<LivePacket> audio = taken.of(LiveTrack.Kind.AUDIO);
        assertEquals("every frame", 75, video.size());
        for (int n = 0; n < video.size(); n++) {
            assertEquals("frame " + n + "'s time", profile.frameTimeMicros(n), video.get(n).ptsMicros());
            assertEquals("a key frame every GOP", n % 25 == 0, video.get(n).key());
        }
        assertTrue("AAC's first packet is its priming, a frame before 0: " + audio.get(0).ptsMicros(),
                audio.get(0).ptsMicros() == -1024 * 1_000_000L / 48000);
        List<String> fileVideo = new ArrayList<>();
        List<String> fileAudio = new ArrayList<>();
        for (JsonNode p : probe.get("packets")) {
            (p.get("stream_index").asInt() == 0 ? fileVideo : fileAudio).add(p.get("data_hash").asText());
        }
        assertEquals("the file's pictures are the packets handed out",
                fileVideo, video.stream().map(p -> md5(lengthPrefixed(p.data()))).toList());
        assertEquals("the file's sound is the packets handed out",
                fileAudio, audio.stream().map(p -> md5(p.data())).toList());
    }

    @Test
    public void aProfileWithoutSoundHandsOutPicturesOnly() throws Exception {
        Profile own = new Profile("resource", 320, 180, 30, 300, 60, 0, 48000, 2, "openh264");
        Taken taken = new Taken();
        try (Mp4Encoding encoding = Mp4Encoding.open(own, tmp.getRoot().toPath().resolve("own.mp4"), "libopenh264",
                OPENH264, taken)) {
            // pictures at another size than the profile's are scaled to it
            for (int n = 0; n < 30; n++) encoding.video(new VideoFrame(640, 360, own.frameTimeMicros(n), picture(640, 360, n)));
        }
        assertNull(taken.audio);
        assertEquals(320, taken.video.width());
        assertEquals(30, taken.of(LiveTrack.Kind.VIDEO).size());
        assertTrue(taken.of(LiveTrack.Kind.AUDIO).isEmpty());
    }

    @Test
    public void anUnknownEncoderLeavesNothingOpen() {
        Profile profile = new Profile("live", 320, 240, 25, 400, 25, 64, 48000, 2, "none");
        IOException e = org.junit.Assert.assertThrows(IOException.class, () -> Mp4Encoding.open(profile,
                tmp.getRoot().toPath().resolve("none.mp4"), "no_such_encoder", Map.of(), PacketSink.NONE));
        assertTrue(e.getMessage(), e.getMessage().contains("no_such_encoder"));
    }

    private static JsonNode ffprobe(Path file) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(ffmpeg.ffprobe().toString(), "-v", "error", "-show_streams", "-show_format",
                "-show_packets", "-show_data_hash", "MD5", "-of", "json", file.toString()).redirectErrorStream(true);
        // in this module's own tests the libraries load from its classes folder, not beside ffprobe
        b.environment().put("LD_LIBRARY_PATH", Path.of(Loader.load(avdevice.class)).getParent() + ":" + ffmpeg.ffprobe().getParent());
        Process p = b.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(new String(out, StandardCharsets.UTF_8), 0, p.waitFor());
        return new ObjectMapper().readTree(out);
    }

    /** Annex B as MP4 holds it: each NAL unit after its 4-byte length. */
    private static byte[] lengthPrefixed(byte[] annexB) {
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 2 < annexB.length; i++) {
            if (annexB[i] == 0 && annexB[i + 1] == 0 && annexB[i + 2] == 1) {
                starts.add(i + 3);
                i += 2;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int k = 0; k < starts.size(); k++) {
            int start = starts.get(k);
            int end = k + 1 < starts.size() ? starts.get(k + 1) - 3 : annexB.length;
            // a 4-byte start code's first zero ends the unit before
            while (end > start && annexB[end - 1] == 0) end--;
            out.writeBytes(ByteBuffer.allocate(4).putInt(end - start).array());
            out.write(annexB, start, end - start);
        }
        return out.toByteArray();
    }

    private static String md5(byte[] data) {
        try {
            return "MD5:" + String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest(data)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A pattern that moves, so that frames differ. */
    static ByteBuffer picture(int width, int height, int n) {
        ByteBuffer picture = ByteBuffer.allocateDirect(VideoFrame.bytes(width, height));
        for (int i = 0; i < picture.capacity(); i++) picture.put((byte) ((i % width + n * 4) & 0xff));
        return picture.flip();
    }

    static ShortBuffer tone(int frames, int channels, int offset) {
        ShortBuffer b = ShortBuffer.allocate(frames * channels);
        for (int i = 0; i < frames; i++) {
            short s = (short) (8000 * Math.sin(2 * Math.PI * 440 * (offset + i) / 48000.0));
            for (int c = 0; c < channels; c++) b.put(s);
        }
        return b.flip();
    }
}
