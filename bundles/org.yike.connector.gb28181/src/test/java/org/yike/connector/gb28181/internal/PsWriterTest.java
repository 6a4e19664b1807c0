package org.yike.connector.gb28181.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bytedeco.javacpp.Loader;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.lib.sip.Rtp;

/**
 * What PsWriter and RtpPacketizer make, read back by FFmpeg's own mpeg demuxer (ffprobe {@code -f
 * mpeg}): H.264 from FFmpeg's encoder, cut into access units, written as PS frame by frame, sent as
 * RTP and taken off RTP again as a platform does.
 */
public class PsWriterTest {

    private static final int FPS = 25;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void ffprobeReadsEveryFrameOfThePsAtItsSize() throws Exception {
        List<byte[]> frames = accessUnits(encode("320x180", "400k", 50));
        Path ps = write(frames, false);
        assertEquals("h264,320,180," + frames.size(), probe(ps));
    }

    @Test
    public void framesLargerThanOnePesPacketAreSplitAndReadWhole() throws Exception {
        List<byte[]> frames = accessUnits(encode("1920x1080", "60M", 10));
        assertTrue("a frame over 64 KB, which needs more than one PES packet: " + frames.stream().mapToInt(f -> f.length).max().orElse(0),
                frames.stream().anyMatch(f -> f.length > 0xFFFF));
        Path ps = write(frames, false);
        assertEquals("h264,1920,1080," + frames.size(), probe(ps));
    }

    @Test
    public void rtpCarriesEachFrameInPacketsOfAtMost1400BytesTheMarkerOnItsLast() throws Exception {
        List<byte[]> frames = accessUnits(encode("320x180", "400k", 25));
        Path ps = write(frames, true);
        assertEquals("h264,320,180," + frames.size(), probe(ps));
    }

    /** AAC from FFmpeg's encoder, its ADTS headers taken off and made again from its config, beside the pictures. */
    @Test
    public void soundGoesAsAacBesideThePictures() throws Exception {
        List<byte[]> frames = accessUnits(encode("320x180", "400k", 50));
        Path aac = folder.getRoot().toPath().resolve("sound.aac");
        run(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class), "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-t", "2", "-c:a", "aac", "-ac", "2", "-f", "adts", aac.toString());
        List<byte[]> sound = adtsFrames(Files.readAllBytes(aac));
        byte[] first = sound.get(0);
        // the AudioSpecificConfig the live track would carry: object type, frequency index, channels
        int objectType = ((first[2] & 0xFF) >> 6) + 1;
        int frequency = (first[2] >> 2) & 0x0F;
        int channels = ((first[2] & 0x01) << 2) | ((first[3] & 0xFF) >> 6);
        Adts adts = new Adts(new byte[] { (byte) ((objectType << 3) | (frequency >> 1)), (byte) (((frequency & 1) << 7) | (channels << 3)) });
        PsWriter writer = new PsWriter(PsWriter.H264, PsWriter.AAC);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int j = 0;
        // as a live subscription gives them: a key frame first (its map names the sound's stream), then in time order
        for (int i = 0; i < frames.size(); i++) {
            long t = 90_000L * i / FPS;
            out.write(writer.video(frames.get(i), key(frames.get(i)), t, t));
            for (; j < sound.size() && 1920L * j < 90_000L * (i + 1) / FPS; j++) {
                byte[] raw = Arrays.copyOfRange(sound.get(j), 7, sound.get(j).length);
                byte[] again = adts.frame(raw);
                assertArrayEquals("the ADTS header made from the config, as FFmpeg wrote it", sound.get(j), again);
                out.write(writer.audio(again, 1920L * j));
            }
        }
        Path ps = folder.getRoot().toPath().resolve("sound.ps");
        Files.write(ps, out.toByteArray());
        assertEquals("h264,320,180," + frames.size() + "\naac," + j, probe(ps));
    }

    /** The frames of an ADTS stream, each with its header (7 bytes: FFmpeg writes no CRC). */
    private static List<byte[]> adtsFrames(byte[] b) {
        List<byte[]> frames = new ArrayList<>();
        for (int at = 0; at + 7 <= b.length;) {
            int length = ((b[at + 3] & 0x03) << 11) | ((b[at + 4] & 0xFF) << 3) | ((b[at + 5] & 0xFF) >> 5);
            frames.add(Arrays.copyOfRange(b, at, at + length));
            at += length;
        }
        return frames;
    }

    @Test
    public void theStreamMapEndsWithItsCrc() {
        // CRC-32/MPEG-2's check value: that of the ASCII digits 1 to 9
        assertEquals(0x0376E6E7L, PsWriter.crc32("123456789".getBytes()));
    }

    /** Writes the frames as PS, directly or through RTP (then each packet's payload taken off again, in order). */
    private Path write(List<byte[]> frames, boolean overRtp) throws Exception {
        PsWriter writer = new PsWriter(PsWriter.H264, 0);
        RtpPacketizer rtp = new RtpPacketizer(0x05F5E101, 65530);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int expected = 65530;
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            long t = 90_000L * i / FPS;
            byte[] ps = writer.video(f, key(f), t, t);
            if (!overRtp) {
                out.write(ps);
                continue;
            }
            List<byte[]> packets = rtp.packets(ps, t);
            for (int k = 0; k < packets.size(); k++) {
                byte[] p = packets.get(k);
                assertTrue(p.length <= Rtp.HEADER + RtpPacketizer.MAX_PAYLOAD);
                assertEquals(96, p[1] & 0x7F);
                assertEquals(expected, Rtp.sequence(p));
                expected = (expected + 1) & 0xFFFF;
                assertEquals(0x05F5E101, Rtp.ssrc(p));
                assertEquals(t, Rtp.timestamp(p));
                assertEquals("the marker on the frame's last packet only", k == packets.size() - 1, Rtp.marker(p));
                ByteBuffer payload = Rtp.payload(p, p.length);
                out.write(payload.array(), payload.position(), payload.remaining());
            }
        }
        if (overRtp) assertTrue("sequence numbers wrapped", expected < 65530);
        Path file = folder.getRoot().toPath().resolve(overRtp ? "rtp.ps" : "direct.ps");
        Files.write(file, out.toByteArray());
        return file;
    }

    private static boolean key(byte[] accessUnit) {
        for (int i = 0; i + 4 < accessUnit.length; i++) {
            if (accessUnit[i] == 0 && accessUnit[i + 1] == 0 && accessUnit[i + 2] == 1 && (accessUnit[i + 3] & 0x1F) == 5) return true;
        }
        return false;
    }

    /** An H.264 elementary stream (Annex B) from FFmpeg's test picture, a key frame each second, an AUD before each frame. */
    private Path encode(String size, String rate, int count) throws Exception {
        Path file = folder.getRoot().toPath().resolve(size + ".h264");
        run(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class), "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=" + FPS,
                "-frames:v", Integer.toString(count), "-c:v", "libopenh264", "-b:v", rate, "-g", Integer.toString(FPS), "-bsf:v",
                "h264_metadata=aud=insert", "-f", "h264", file.toString());
        return file;
    }

    /** The stream cut at its access unit delimiters, each frame without its delimiter. */
    private static List<byte[]> accessUnits(Path h264) throws Exception {
        byte[] b = Files.readAllBytes(h264);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i + 4 < b.length; i++) {
            if (b[i] == 0 && b[i + 1] == 0 && b[i + 2] == 0 && b[i + 3] == 1 && (b[i + 4] & 0x1F) == 9) starts.add(i);
        }
        List<byte[]> frames = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            int from = starts.get(k) + 6; // start code, the AUD and its primary_pic_type byte
            int to = k + 1 < starts.size() ? starts.get(k + 1) : b.length;
            byte[] f = new byte[to - from];
            System.arraycopy(b, from, f, 0, f.length);
            frames.add(f);
        }
        assertFalse("frames", frames.isEmpty());
        assertArrayEquals("each frame starts with a start code", new byte[] { 0, 0, 0, 1 }, Arrays.copyOf(frames.get(0), 4));
        return frames;
    }

    /** "codec,width,height,frames decoded" of the file's one stream, read as PS. */
    private static String probe(Path ps) throws Exception {
        return run(Loader.load(org.bytedeco.ffmpeg.ffprobe.class), "-v", "error", "-f", "mpeg", "-count_frames", "-show_entries",
                "stream=codec_name,width,height,nb_read_frames", "-of", "csv=p=0", ps.toString()).strip();
    }

    private static String run(String... command) throws Exception {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(new File("/dev/null"));
        b.environment().put("LD_LIBRARY_PATH", Path.of(command[0]).getParent().toString());
        Process p = b.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(output, 0, p.waitFor());
        return output;
    }
}
