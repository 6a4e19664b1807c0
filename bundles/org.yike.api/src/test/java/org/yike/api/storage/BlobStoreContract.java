package org.yike.api.storage;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.bytedeco.javacpp.Loader;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * What every {@link BlobStore} does, run on a lesson video made with FFmpeg: each store's test
 * extends it and says how to open the store.
 */
public abstract class BlobStoreContract {

    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();

    /** A lesson video of about 12 MB: more than two parts of a multipart upload. */
    protected static byte[] video;

    private static final String PROGRAM = "recordings/101/20261125-153553-101/program.mp4";
    /** Where the network goes away in the interrupted upload: two parts of 5 MiB and more. */
    private static final int CUT = 11 * 1024 * 1024;

    /**
     * The store on this test's storage, empty at the test's start; a second call opens it again
     * on the same storage, as a restarted runtime would.
     */
    protected abstract BlobStore store() throws Exception;

    /** Whether the store hands players a playback address of its own. */
    protected abstract boolean givesPlaybackAddresses();

    @BeforeClass
    public static void makeVideo() throws Exception {
        if (video != null) return;
        Path file = FOLDER.getRoot().toPath().resolve("program.mp4");
        String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
        // noise keeps the encoder at its bit rate, so the size does not hang on the encoder's skill
        ProcessBuilder b = new ProcessBuilder(List.of(ffmpeg, "-v", "error", "-f", "lavfi", "-i",
                "testsrc2=size=1280x720:rate=25,noise=alls=30:allf=t", "-f", "lavfi", "-i",
                "sine=frequency=440:sample_rate=48000", "-t", "12", "-c:v", "libopenh264", "-b:v", "8M", "-g", "25",
                "-c:a", "aac", "-movflags", "+faststart", file.toString()))
                .redirectErrorStream(true).redirectInput(new File("/dev/null"));
        b.environment().put("LD_LIBRARY_PATH", Path.of(ffmpeg).getParent().toString());
        Process p = b.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertEquals(output, 0, p.waitFor());
        video = Files.readAllBytes(file);
        assertTrue("the video is " + video.length + " bytes, fewer than the cut", video.length > CUT + 1024 * 1024);
    }

    @Test
    public void aLessonGoesInWholeIsListedAndDeleted() throws Exception {
        BlobStore s = store();
        String json = "recordings/101/20261125-153553-101/lesson.json";
        String other = "recordings/102/20261125-153553-102/数学 第一课.mp4";
        s.put(PROGRAM, new ByteArrayInputStream(video));
        s.put(json, new ByteArrayInputStream("{\"id\":\"20261125-153553-101\"}".getBytes()));
        s.put(other, new ByteArrayInputStream(video, 0, 1000));

        assertEquals(video.length, s.stat(PROGRAM).orElseThrow().size());
        assertArrayEquals(video, read(s.get(PROGRAM, 0, -1)));
        assertArrayEquals(Arrays.copyOf(video, 1000), read(s.get(other, 0, -1)));
        assertEquals(List.of(json, PROGRAM), keys(s.list("recordings/101/")));
        assertEquals(List.of(json, PROGRAM, other), keys(s.list("recordings/10")));
        assertEquals(List.of(), keys(s.list("recordings/103/")));

        s.delete(PROGRAM);
        s.delete(PROGRAM);
        assertEquals(Optional.empty(), s.stat(PROGRAM));
        assertThrows(NoSuchFileException.class, () -> s.get(PROGRAM, 0, -1).close());
        assertEquals(List.of(json, other), keys(store().list("recordings/")));
    }

    @Test
    public void rangedReadsGiveTheBytesAtTheirOffsets() throws Exception {
        BlobStore s = store();
        s.put(PROGRAM, new ByteArrayInputStream(video));
        int n = video.length;
        long[][] ranges = { { 0, 1 }, { 0, 188 }, { 1000, 65536 }, { 5_000_000, 3_000_000 }, { n - 100, 100 },
                { n - 100, -1 }, { 7_000_000, -1 } };
        for (long[] r : ranges) {
            int from = (int) r[0];
            int to = r[1] < 0 ? n : from + (int) r[1];
            assertArrayEquals("bytes " + from + " to " + to, Arrays.copyOfRange(video, from, to),
                    read(s.get(PROGRAM, r[0], r[1])));
        }
        assertArrayEquals("a range past the end ends with the blob", Arrays.copyOfRange(video, n - 10, n),
                read(s.get(PROGRAM, n - 10, 1000)));
    }

    @Test
    public void anInterruptedUploadResumesFromWhatTheStoreHolds() throws Exception {
        BlobStore s = store();
        try (Upload u = s.upload(PROGRAM, false)) {
            assertEquals(0, u.committed());
            assertThrows(IOException.class, () -> u.write(new Interrupted(video, CUT)));
        }
        assertEquals("an unfinished upload is no blob", Optional.empty(), s.stat(PROGRAM));
        assertEquals(List.of(), s.list("recordings/"));

        long from;
        try (Upload u = store().upload(PROGRAM, true)) {
            from = u.committed();
            assertTrue("resumed from " + from, from > 0 && from <= CUT);
            u.write(video, (int) from, video.length - (int) from);
            u.complete();
        }
        assertArrayEquals("resumed from byte " + from, video, read(store().get(PROGRAM, 0, -1)));
    }

    @Test
    public void anUploadNotResumedStartsAfresh() throws Exception {
        BlobStore s = store();
        s.put(PROGRAM, new ByteArrayInputStream(video, 0, 2000));
        try (Upload u = s.upload(PROGRAM, false)) {
            assertThrows(IOException.class, () -> u.write(new Interrupted(video, CUT)));
        }
        try (Upload u = s.upload(PROGRAM, false)) {
            assertEquals(0, u.committed());
            u.write(video, 0, 3000);
            u.abort();
        }
        try (Upload u = s.upload(PROGRAM, true)) {
            assertEquals("nothing to resume after an abort", 0, u.committed());
        }
        assertArrayEquals("the blob before stands", Arrays.copyOf(video, 2000), read(s.get(PROGRAM, 0, -1)));
    }

    @Test
    public void aPlaybackAddressServesRangesToAPlainHttpClient() throws Exception {
        BlobStore s = store();
        s.put(PROGRAM, new ByteArrayInputStream(video));
        Optional<URI> address = s.playbackAddress(PROGRAM);
        assertEquals(address.toString(), givesPlaybackAddresses(), address.isPresent());
        if (address.isEmpty()) return;

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(address.get()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, whole.statusCode());
        assertArrayEquals(video, whole.body());
        HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(address.get())
                .header("Range", "bytes=1000000-1999999").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, range.statusCode());
        assertArrayEquals(Arrays.copyOfRange(video, 1_000_000, 2_000_000), range.body());
    }

    @Test
    public void blobsUnderAPrefixExpire() throws Exception {
        BlobStore s = store();
        String json = "recordings/101/20261125-153553-101/lesson.json";
        String other = "recordings/102/20261125-153553-102/lesson.json";
        for (String key : List.of(PROGRAM, json, other)) {
            s.put(key, new ByteArrayInputStream(video, 0, 100));
        }
        assertEquals(0, s.deleteOlderThan("recordings/101/", Instant.now().minus(Duration.ofDays(30))));
        assertEquals(2, s.deleteOlderThan("recordings/101/", Instant.now().plus(Duration.ofMinutes(5))));
        assertEquals(List.of(other), keys(s.list("recordings/")));
    }

    @Test
    public void keysThatLeaveTheStoreAreRefused() throws Exception {
        BlobStore s = store();
        for (String key : List.of("../secret", "/etc/passwd", "recordings//x", "recordings/./x", "recordings/", "")) {
            assertThrows(key, IllegalArgumentException.class, () -> s.get(key, 0, -1));
            assertThrows(key, IllegalArgumentException.class, () -> s.upload(key, false));
        }
    }

    private static List<String> keys(List<BlobInfo> blobs) {
        return blobs.stream().map(BlobInfo::key).toList();
    }

    private static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    /** The first {@code cut} bytes of {@code content}, then the network goes away. */
    private static final class Interrupted extends InputStream {

        private final byte[] content;
        private final int cut;
        private int position;

        Interrupted(byte[] content, int cut) {
            this.content = content;
            this.cut = cut;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= cut) throw new IOException("the network went away");
            int n = Math.min(len, cut - position);
            System.arraycopy(content, position, b, off, n);
            position += n;
            return n;
        }
    }
}
