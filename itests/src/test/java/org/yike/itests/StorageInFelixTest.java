package org.yike.itests;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.yike.api.storage.BlobInfo;
import org.yike.api.storage.BlobStore;

/**
 * Both stores in the product's Felix: the data folder's from the start, the S3 store once
 * configured, against S3Proxy on loopback ({@link LoopbackS3}). The
 * S3 store's inlined AWS SDK uploads a lesson video in parts, reads ranges of it and signs an
 * address a plain HTTP client plays it from; a recorded lesson's program kept in the store is
 * played from there (the lesson API redirects to its address).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StorageInFelixTest extends InYike {

    private static final String ACCESS_KEY = "district";
    private static final String SECRET_KEY = "s3-secret";
    /** Apart from the recorded lessons the other test keeps in the same bucket. */
    private static final String KEY = "archive/101/20261125-153553-101/program.mp4";

    @Inject
    BundleContext context;

    @Override
    @Configuration
    public Option[] config() {
        Option[] yike = super.config();
        try {
            String endpoint = LoopbackS3.start(Path.of(System.getProperty("yike.itest.data"), getClass().getSimpleName() + "-s3"),
                    "lessons", ACCESS_KEY, SECRET_KEY);
            return OptionUtils.combine(yike, systemProperty("yike.itest.s3").value(endpoint));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start S3Proxy", e);
        }
    }

    private Optional<BlobStore> store(String kind) throws Exception {
        Collection<ServiceReference<BlobStore>> refs = context.getServiceReferences(BlobStore.class,
                "(" + BlobStore.KIND + "=" + kind + ")");
        return refs.stream().findFirst().map(context::getService);
    }

    /** The S3 store on S3Proxy, configured through the API by the first test that asks. */
    private BlobStore s3() throws Exception {
        if (store("s3").isEmpty()) {
            Api api = new Api().ready();
            Api.Answer set = api.patch("config/org.yike.storage.s3", "{\"endpoint\": \"" + System.getProperty("yike.itest.s3")
                    + "\", \"bucket\": \"lessons\", \"accessKey\": \"" + ACCESS_KEY + "\", \"secretKey\": \"" + SECRET_KEY
                    + "\", \"partMiB\": 5}");
            assertEquals(set.body().toString(), 200, set.status());
            Api.Answer shown = api.get("config/org.yike.storage.s3");
            assertEquals(200, shown.status());
            assertFalse("the secret key is not shown: " + shown.body(), shown.body().toString().contains(SECRET_KEY));
        }
        return Await.value("the S3 store", 15, () -> store("s3").orElse(null));
    }

    @Test
    public void aLessonGoesToS3InPartsAndPlaysFromItsAddress() throws Exception {
        BlobStore s3 = s3();

        Path video = dataFolder().resolve("s3-lesson.mp4");
        Process p = ffmpeg(List.of("-v", "error", "-y", "-f", "lavfi", "-i",
                "testsrc2=size=1280x720:rate=25,noise=alls=30:allf=t", "-t", "6", "-c:v", "libopenh264", "-b:v", "10M",
                video.toString()), dataFolder().resolve("s3-lesson.log"));
        assertEquals("ffmpeg made the lesson", 0, p.waitFor());
        byte[] lesson = Files.readAllBytes(video);
        assertTrue("more than one part: " + lesson.length, lesson.length > 5 * 1024 * 1024);

        try (InputStream in = Files.newInputStream(video)) {
            s3.put(KEY, in);
        }
        assertEquals(List.of(new BlobInfo(KEY, lesson.length, s3.stat(KEY).orElseThrow().modified())),
                s3.list("archive/"));
        try (InputStream range = s3.get(KEY, 5_000_000, 1_000_000)) {
            assertArrayEquals(Arrays.copyOfRange(lesson, 5_000_000, 6_000_000), range.readAllBytes());
        }
        URI address = s3.playbackAddress(KEY).orElseThrow();
        HttpResponse<byte[]> played = HttpClient.newHttpClient().send(HttpRequest.newBuilder(address)
                .header("Range", "bytes=0-999999").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, played.statusCode());
        assertArrayEquals(Arrays.copyOf(lesson, 1_000_000), played.body());
        s3.delete(KEY);
        assertEquals(List.of(), s3.list("archive/"));
    }

    @Test
    public void aRecordedLessonKeptInS3IsPlayedFromThereAndItsOtherFilesFromTheDataFolder() throws Exception {
        configureRecording(SMALL_PROGRAM);
        Api api = new Api().ready();
        String id = RecordingTest.awaitStart(api, "{\"classroom\": \"101\", \"title\": \"物理 S3\"}").body().get("id").asText();
        api.awaitRecorded(id, 2000);
        assertEquals(200, api.post("recordings/" + id + "/stop", "").status());
        Await.until("lesson " + id + " finished", 15, () -> api.get("lessons/" + id).body().path("state").asText().equals("finished"));

        // what a copy to the district's store would leave: the program under the key it has in the data folder
        String key = "recordings/101/" + id + "/program.mp4";
        byte[] program = Files.readAllBytes(dataFolder().resolve(key));
        s3().put(key, new ByteArrayInputStream(program));

        String lesson = "http://127.0.0.1:" + Integer.getInteger("yike.http.port") + "/api/lessons/" + id + "/files/";
        String token = Files.readString(dataFolder().resolve("admin.token")).strip();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> redirect = http.send(HttpRequest.newBuilder(URI.create(lesson + "program.mp4"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(302, redirect.statusCode());
        assertEquals("no-store", redirect.headers().firstValue("Cache-Control").orElse(null));
        URI address = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertTrue(address.toString(), address.toString().startsWith(System.getProperty("yike.itest.s3") + "/lessons/" + key));
        HttpResponse<byte[]> played = http.send(HttpRequest.newBuilder(address).header("Range", "bytes=100-1099").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(206, played.statusCode());
        assertArrayEquals(Arrays.copyOfRange(program, 100, 1100), played.body());

        HttpResponse<byte[]> metadata = http.send(HttpRequest.newBuilder(URI.create(lesson + "lesson.json"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("not in the store: from the data folder", 200, metadata.statusCode());
        HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(lesson + "program.mp4?download"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("a download keeps its name: from Yike", 200, download.statusCode());
        assertArrayEquals(program, download.body());
    }

    @Test
    public void theDataFolderStoreIsThereFromTheStart() throws Exception {
        BlobStore local = store("local").orElseThrow();
        local.put("storage-check/课堂.txt", new ByteArrayInputStream("一课".getBytes("UTF-8")));
        assertEquals("一课", Files.readString(dataFolder().resolve("storage-check/课堂.txt")));
        local.delete("storage-check/课堂.txt");
    }
}
