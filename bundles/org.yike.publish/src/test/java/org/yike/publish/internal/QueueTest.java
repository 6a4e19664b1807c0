package org.yike.publish.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.publish.Job;
import org.yike.api.recording.Recording;
import org.yike.api.recording.Recording.RecordedFile;
import org.yike.connector.ftp.fixture.LoopbackFtpServer;

/** The queue publishing through the real FTP connector to Apache FtpServer on loopback. */
public class QueueTest {

    private static final Queue.Retry QUICK = new Queue.Retry(Duration.ofMillis(300), Duration.ofMillis(600), 0);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private final Map<String, Recording> lessons = new ConcurrentHashMap<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Map<String, Object> target = new HashMap<>();
    private LoopbackFtpServer server;
    private Queue queue;
    private Path journal;

    @Before
    public void serverAndTarget() throws Exception {
        server = new LoopbackFtpServer(tmp.newFolder("ftp").toPath(), "none", tmp.getRoot().toPath().resolve("k.p12")).start();
        journal = tmp.newFolder("journal").toPath();
        target.put("url", server.url("录播"));
        target.put("user", LoopbackFtpServer.USER);
        target.put("password", LoopbackFtpServer.PASSWORD);
        target.put("timeoutSeconds", 5);
        target.put("pattern", "{room}/{date}/{course}-{title}.{ext}");
    }

    @After
    public void stop() {
        if (queue != null) queue.close();
        server.close();
    }

    @Test
    public void anUploadKilledAtHalfGoesOnFromTheRemoteSize() throws Exception {
        Recording lesson = lesson("20261125-0800-101", "第一课", 6_000_000);
        Job job = sentUntil(lesson, 12.0, 3_000_000); // four seconds, so the server can go down halfway
        server.stop();
        await("the job retrying", () -> state(job) == Job.State.RETRYING, 20);
        server.start();
        await("the job done", () -> state(job) == Job.State.DONE, 60);

        assertTrue("resumed past the half (REST in the server's log): " + server.log, resumedFrom() >= 3_000_000);
        Path program = remote(lesson, "数学-第一课.mp4");
        assertArrayEquals(sha256(Path.of(lesson.files().get(0).path())), sha256(program));
        assertEquals(List.of("数学-第一课.json", "数学-第一课.mp4"), names(program.getParent()));
        Job done = queue.job(job.id()).orElseThrow();
        assertTrue(done.attempts() >= 2);
        assertEquals(done.total(), done.bytesSent());
        assertTrue(events.toString(), events.contains("org/yike/publish/RETRYING " + job.id()));
    }

    @Test
    public void aRuntimeStoppedHalfwayGoesOnFromTheRemoteSizeAfterItsRestart() throws Exception {
        Recording lesson = lesson("20261125-0830-101", "第五课", 4_000_000);
        Job job = sentUntil(lesson, 8.0, 2_000_000);
        queue.close();
        assertFalse("left for the next start", new Journal(journal).load().get(0).state.ended());

        target.remove("maxMbps");
        queue = queue();
        await("the job done", () -> state(job) == Job.State.DONE, 30);
        assertTrue("REST past the half: " + server.log, resumedFrom() >= 2_000_000);
        assertArrayEquals(sha256(Path.of(lesson.files().get(0).path())), sha256(remote(lesson, "数学-第五课.mp4")));
    }

    @Test
    public void aJobQueuedWhileTheServerIsDownCompletesOnceAfterARestart() throws Exception {
        Recording lesson = lesson("20261125-0900-101", "第二课", 500_000);
        server.stop();
        queue = queue();
        Job job = queue.add(lesson, "district");
        await("a failed attempt", () -> state(job) == Job.State.RETRYING, 20);
        queue.close(); // the runtime stops

        server.start();
        queue = queue();
        await("the job done after the restart", () -> state(job) == Job.State.DONE, 30);
        queue.close();
        queue = queue(); // and once more: a done job stays done
        Thread.sleep(1500); // a window for a wrong second upload: absence cannot be awaited

        assertEquals(1, queue.jobs().size());
        assertEquals(Job.State.DONE, queue.jobs().get(0).state());
        assertEquals("one upload of the program: " + server.log, 1,
                server.log.stream().filter(l -> l.startsWith("STOR ") && l.endsWith(".mp4.part")).count());
        assertArrayEquals(sha256(Path.of(lesson.files().get(0).path())), sha256(remote(lesson, "数学-第二课.mp4")));
    }

    @Test
    public void publishingAgainReplacesTheFilesInPlace() throws Exception {
        Recording lesson = lesson("20261125-1000-101", "第三课", 200_000);
        queue = queue();
        Job first = queue.add(lesson, "district");
        await("the first job done", () -> state(first) == Job.State.DONE, 30);
        byte[] changed = new byte[150_000];
        new Random(9).nextBytes(changed);
        Files.write(Path.of(lesson.files().get(0).path()), changed);
        Job second = queue.add(lesson, "district");
        await("the second job done", () -> state(second) == Job.State.DONE, 30);

        Path program = remote(lesson, "数学-第三课.mp4");
        assertArrayEquals(changed, Files.readAllBytes(program));
        assertEquals(List.of("数学-第三课.json", "数学-第三课.mp4"), names(program.getParent()));
    }

    @Test
    public void aCancelledJobStopsAndLeavesNoFileUnderItsName() throws Exception {
        Recording lesson = lesson("20261125-1100-101", "第四课", 4_000_000);
        Job job = sentUntil(lesson, 4.0, 100_000);
        queue.cancel(job.id());
        await("cancelled", () -> state(job) == Job.State.CANCELLED, 10);
        assertFalse(Files.exists(remote(lesson, "数学-第四课.mp4")));
    }

    private Queue queue() throws IOException {
        return new Queue(new Journal(journal), id -> Optional.ofNullable(lessons.get(id)),
                name -> Optional.of(new Queue.Destination(name, LoopbackFtpServer.connector(), target, Set.of("password"))),
                (topic, job) -> events.add(topic + " " + job.id()), QUICK, 1, Clock.systemDefaultZone());
    }

    /** Queues {@code lesson} at {@code maxMbps} and waits for {@code bytes} of its program on the server, under its temporary name. */
    private Job sentUntil(Recording lesson, double maxMbps, long bytes) throws Exception {
        target.put("maxMbps", maxMbps);
        queue = queue();
        Job job = queue.add(lesson, "district");
        Path part = remote(lesson, ".数学-" + lesson.title() + ".mp4.part");
        await(bytes + " bytes on the server", () -> size(part) >= bytes, 20);
        return job;
    }

    /** A finished lesson of room 101: its program, a live profile (not sent by default) and its metadata. */
    private Recording lesson(String id, String title, int bytes) throws IOException {
        Path folder = tmp.newFolder(id).toPath();
        byte[] content = new byte[bytes];
        new Random(bytes).nextBytes(content);
        Path program = Files.write(folder.resolve("program.mp4"), content);
        Path live = Files.write(folder.resolve("program-live.mp4"), new byte[1000]);
        Path metadata = Files.writeString(folder.resolve("lesson.json"),
                "{\"id\": \"" + id + "\", \"classroom\": \"101\", \"title\": \"" + title + "\", \"course\": \"数学\"}");
        Instant started = Instant.parse("2026-11-25T08:00:00Z");
        Recording r = new Recording(id, "101", title, Recording.State.FINISHED, started, started.plusSeconds(2700),
                List.of(RecordedFile.program(program.toString(), "recording"), RecordedFile.program(live.toString(), "live"),
                        RecordedFile.metadata(metadata.toString())), null, false);
        lessons.put(id, r);
        return r;
    }

    private Path remote(Recording lesson, String name) {
        String date = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneId.systemDefault()).format(lesson.started());
        return server.root.resolve("录播/101/" + date + "/" + name);
    }

    /** The largest offset the server was asked to go on from (its REST commands). */
    private long resumedFrom() {
        return server.log.stream().filter(l -> l.startsWith("REST ")).mapToLong(l -> Long.parseLong(l.substring(5))).max()
                .orElse(0);
    }

    private Job.State state(Job job) {
        return queue.job(job.id()).orElseThrow().state();
    }

    private static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] sha256(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }

    private static void await(String what, BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("no " + what + " within " + seconds + " s");
            Thread.sleep(50);
        }
    }
}
