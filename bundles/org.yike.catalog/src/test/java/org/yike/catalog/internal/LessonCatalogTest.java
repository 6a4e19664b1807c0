package org.yike.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;
import org.osgi.service.event.Event;
import org.yike.api.catalog.CatalogEvents;
import org.yike.catalog.fixture.MigratedDatabase;
import org.yike.catalog.fixture.MigratedDatabase.Engine;
import org.yike.api.catalog.Chapter;
import org.yike.api.catalog.Lesson;
import org.yike.api.catalog.LessonEdit;
import org.yike.api.catalog.LessonFile;
import org.yike.api.catalog.LessonPage;
import org.yike.api.catalog.LessonQuery;
import org.yike.api.catalog.LessonReview;
import org.yike.api.catalog.LessonState;
import org.yike.api.publish.PublishEvents;
import org.yike.api.recording.RecordingEvents;
import org.yike.api.timetable.Session;
import org.yike.api.timetable.Timetable;
import org.yike.timetable.fixture.Timetables;

@RunWith(Parameterized.class)
public class LessonCatalogTest {

    @Parameters(name = "{0}")
    public static Engine[] engines() {
        return Engine.values();
    }

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    @Rule
    public final MigratedDatabase database;

    public LessonCatalogTest(Engine engine) {
        database = new MigratedDatabase(engine);
    }

    private Path data;
    private final List<Event> posted = new ArrayList<>();
    private LessonCatalog catalog;
    private static final LocalDate MONDAY = LocalDate.of(2025, 9, 1);
    /** The second Monday of term, 07:00 in Shanghai: before its first lesson. */
    private static final Instant NOW = MONDAY.plusWeeks(1).atTime(7, 0).atZone(Folders.SHANGHAI).toInstant();

    @Before
    public void lessons() throws Exception {
        data = tmp.getRoot().toPath();
        Folders.lesson(data, "s-101-0901-1", "101", "数学", "王芳", "初二(3)班", MONDAY, 1, 1000, "勾股定理", "学生回答问题");
        Folders.lesson(data, "s-101-0901-2", "101", "语文", "李明", "初二(3)班", MONDAY, 2, 2000, "朗读课文");
        Folders.lesson(data, "s-102-0902-1", "102", "物理", "张伟", "初三(1)班", MONDAY.plusDays(1), 1, 3000, "牛顿第二定律");
        Folders.lesson(data, "s-102-0903-3", "102", "数学", "王芳", "初三(1)班", MONDAY.plusDays(2), 3, 4000, "二次函数");
        Folders.lesson(data, "s-103-0904-1", "103", "英语", "Lucy Smith", "初一(2)班", MONDAY.plusDays(3), 1, 5000,
                "Reading aloud");
        catalog = open();
        catalog.load();
    }

    private LessonCatalog open() throws Exception {
        return new LessonCatalog(data, database.dataSource(), "实验中学", Clock.fixed(NOW, Folders.SHANGHAI), 14, posted::add);
    }

    @After
    public void close() {
        catalog.close();
    }

    private List<String> ids(String q) {
        return catalog.find(LessonQuery.words(q)).items().stream().map(Lesson::id).toList();
    }

    @Test
    public void anEmptyCatalogIsBuiltFromTheFolders() throws IOException {
        LessonPage all = catalog.find(new LessonQuery(null, null, null, null, null, null, null, null, 0, 10));
        assertEquals(5, all.total());
        assertEquals("newest first", List.of("s-103-0904-1", "s-102-0903-3", "s-102-0902-1", "s-101-0901-2", "s-101-0901-1"),
                all.items().stream().map(Lesson::id).toList());
        Lesson l = catalog.get("s-101-0901-1").orElseThrow();
        assertEquals("实验中学", l.school());
        assertEquals("101", l.room());
        assertEquals("数学 · 初二(3)班 · 王芳 · 2025-09-01 第1节", l.title());
        assertEquals(Integer.valueOf(1), l.period());
        assertEquals(MONDAY, l.date());
        assertEquals(LessonState.FINISHED, l.state());
        assertEquals(Long.valueOf(45 * 60_000L), l.durationMillis());
        assertEquals("the program and the metadata", 1000 + Files.size(data.resolve("recordings/101/s-101-0901-1/lesson.json")),
                l.sizeBytes());
        assertEquals(List.of(new Chapter(60_000, "勾股定理"), new Chapter(120_000, "学生回答问题")), l.chapters());
        assertEquals("program.mp4", l.files().get(0).name());
        assertEquals("recording", l.files().get(0).profile());
    }

    @Test
    public void aCamerasOwnFileKeepsWhenItBeganThroughTheDatabase() throws Exception {
        Path folder = data.resolve("recordings/103/s-103-0904-1");
        ObjectNode m = (ObjectNode) new ObjectMapper().readTree(folder.resolve("lesson.json").toFile());
        ((ArrayNode) m.get("files")).addObject().put("kind", "resource").put("path", folder.resolve("teacher.mp4").toString())
                .put("source", "cam1/teacher").put("startOffsetMillis", 1240);
        new ObjectMapper().writeValue(folder.resolve("lesson.json").toFile(), m);
        Files.setLastModifiedTime(folder.resolve("lesson.json"), java.nio.file.attribute.FileTime.from(NOW.plusSeconds(60)));
        Files.write(folder.resolve("teacher.mp4"), new byte[10]);
        catalog.close();
        catalog = open(); // a new start reads the changed lesson.json into the database
        catalog.load();
        LessonFile teacher = catalog.get("s-103-0904-1").orElseThrow().files().get(2);
        assertEquals("teacher.mp4", teacher.name());
        assertEquals(Long.valueOf(1240), teacher.startOffsetMillis());
        assertNull("the program starts with the lesson", catalog.get("s-103-0904-1").orElseThrow().files().get(0).startOffsetMillis());
    }

    @Test
    public void chineseWordsAndPartsOfWordsAreFound() {
        assertEquals("a part of a word the segmenter keeps whole", List.of("s-101-0901-1"), ids("定理"));
        assertEquals(List.of("s-101-0901-1"), ids("勾股定理"));
        assertEquals(List.of("s-101-0901-1"), ids("勾股"));
        assertEquals("a two-character word", List.of("s-102-0903-3", "s-101-0901-1"), ids("数学"));
        assertEquals("a teacher", List.of("s-102-0903-3", "s-101-0901-1"), ids("王芳"));
        assertEquals("a class", List.of("s-101-0901-2", "s-101-0901-1"), ids("初二(3)班"));
        assertEquals("two words: both must be there", List.of("s-101-0901-1"), ids("数学 勾股"));
        assertEquals("a chapter name", List.of("s-102-0902-1"), ids("牛顿"));
        assertEquals("English, any case", List.of("s-103-0904-1"), ids("reading"));
        assertEquals("characters in another order are no match", List.of(), ids("理定"));
        assertEquals(List.of(), ids("化学"));
        assertEquals("punctuation alone asks nothing", 5, catalog.find(LessonQuery.words("·")).total());
    }

    @Test
    public void filtersNarrowTheWords() {
        LessonPage p = catalog.find(new LessonQuery("数学", "102", null, null, null, null, null, null, 0, 10));
        assertEquals(List.of("s-102-0903-3"), p.items().stream().map(Lesson::id).toList());
        p = catalog.find(new LessonQuery(null, null, "王芳", null, null, MONDAY, MONDAY, null, 0, 10));
        assertEquals(List.of("s-101-0901-1"), p.items().stream().map(Lesson::id).toList());
        p = catalog.find(new LessonQuery(null, null, null, "数学", "初三(1)班", null, null, LessonState.FINISHED, 0, 10));
        assertEquals(List.of("s-102-0903-3"), p.items().stream().map(Lesson::id).toList());
        p = catalog.find(new LessonQuery(null, null, null, null, null, MONDAY.plusDays(1), null, null, 1, 2));
        assertEquals("page 2 of 2 by 2", 3, p.total());
        assertEquals(List.of("s-102-0902-1"), p.items().stream().map(Lesson::id).toList());
        assertEquals(0, catalog.find(new LessonQuery(null, null, null, null, null, null, null, LessonState.FAILED, 0, 10)).total());
    }

    @Test
    public void editsGoIntoTheMetadataAndSurviveARebuild() throws Exception {
        Lesson edited = catalog.edit("s-101-0901-1", new LessonEdit("勾股定理的证明", List.of("公开课", "优质课"), true,
                Map.of(120_000L, "学生板演")));
        assertEquals("勾股定理的证明", edited.title());
        assertEquals(List.of("公开课", "优质课"), edited.tags());
        assertTrue(edited.protectedFromRetention());
        assertEquals("学生板演", edited.chapters().get(1).title());
        assertEquals(List.of("s-101-0901-1"), ids("板演"));
        assertEquals("a tag", List.of("s-101-0901-1"), ids("公开课"));
        assertTrue(Files.readString(data.resolve("recordings/101/s-101-0901-1/lesson.json")).contains("学生板演"));
        try {
            catalog.edit("s-101-0901-1", new LessonEdit(null, null, null, Map.of(5L, "no such")));
            fail("a chapter that is not there");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("60000"));
        }
        catalog.handleEvent(new Event(PublishEvents.DONE, Map.of(PublishEvents.RECORDING, "s-101-0901-2")));

        List<Lesson> before = everything();
        assertEquals(5, catalog.rebuild());
        assertEquals("the catalog rebuilt from disk equals the one it replaced", before, everything());
        catalog.close();
        Files.walk(data.resolve("catalog")).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM lesson");
        }
        catalog = open();
        catalog.load();
        assertEquals("a first start with an empty catalog rebuilds it", before, everything());
        assertTrue(catalog.get("s-101-0901-2").orElseThrow().published());
        assertEquals("back to the default title", "数学 · 初二(3)班 · 王芳 · 2025-09-01 第1节",
                catalog.edit("s-101-0901-1", new LessonEdit("", null, null, null)).title());
    }

    @Test
    public void aTeacherFindsTheirOwnLessonsAndThoseSharedWithThem() throws Exception {
        LessonQuery.Reader wang = new LessonQuery.Reader("王芳", "wangfang");
        assertEquals(List.of("s-102-0903-3", "s-101-0901-1"), readerIds(wang, null));
        Lesson shared = catalog.edit("s-101-0901-2", new LessonEdit(null, null, null, null, List.of(" wangfang ", "zhangwei", "wangfang")));
        assertEquals("stripped, once each", List.of("wangfang", "zhangwei"), shared.sharedWith());
        assertEquals(List.of("s-102-0903-3", "s-101-0901-2", "s-101-0901-1"), readerIds(wang, null));
        assertEquals("words narrow what they may see", List.of("s-101-0901-2"), readerIds(wang, "朗读"));
        assertEquals("shared with a user who teaches nothing", List.of("s-101-0901-2"),
                readerIds(new LessonQuery.Reader(null, "zhangwei"), null));
        assertEquals("a reader with neither sees nothing", List.of(), readerIds(new LessonQuery.Reader(null, null), null));
        assertTrue(Files.readString(data.resolve("recordings/101/s-101-0901-2/lesson.json")).contains("zhangwei"));

        catalog.rebuild();
        assertEquals("the shares are the lesson's, kept in its lesson.json", List.of("wangfang", "zhangwei"),
                catalog.get("s-101-0901-2").orElseThrow().sharedWith());
        assertEquals(List.of("s-102-0903-3", "s-101-0901-2", "s-101-0901-1"), readerIds(wang, null));
        assertEquals("other edits leave the shares", List.of("wangfang", "zhangwei"),
                catalog.edit("s-101-0901-2", new LessonEdit("古诗", null, null, null)).sharedWith());
        assertEquals("an empty list shares with nobody", List.of(),
                catalog.edit("s-101-0901-2", new LessonEdit(null, null, null, null, List.of())).sharedWith());
        assertEquals(List.of("s-102-0903-3", "s-101-0901-1"), readerIds(wang, null));
    }

    private List<String> readerIds(LessonQuery.Reader reader, String q) {
        return catalog.find(new LessonQuery(q, null, null, null, null, null, null, null, 0, 20, reader, null)).items().stream()
                .map(Lesson::id).toList();
    }

    @Test
    public void facetsCountWhatWasFoundByRoomTeacherCourseClassAndState() {
        LessonPage all = catalog.find(new LessonQuery(null, null, null, null, null, null, null, LessonState.FINISHED, 0, 1));
        assertEquals(List.of(new LessonPage.Facet("101", 2), new LessonPage.Facet("102", 2), new LessonPage.Facet("103", 1)),
                all.facets().get("room"));
        assertEquals(new LessonPage.Facet("王芳", 2), all.facets().get("teacher").get(0));
        assertEquals(new LessonPage.Facet("数学", 2), all.facets().get("course").get(0));
        assertEquals(List.of(new LessonPage.Facet("FINISHED", 5)), all.facets().get("state"));
        assertEquals("counted over all pages, not the one asked for", 1, all.items().size());

        LessonPage maths = catalog.find(LessonQuery.words("数学"));
        assertEquals(List.of(new LessonPage.Facet("101", 1), new LessonPage.Facet("102", 1)), maths.facets().get("room"));
        assertEquals(List.of(new LessonPage.Facet("初三(1)班", 1), new LessonPage.Facet("初二(3)班", 1)), maths.facets().get("class"));
        assertEquals("nothing found, nothing counted", Map.of(), catalog.find(LessonQuery.words("化学")).facets());
    }

    @Test
    public void aLessonIsAskedForRejectedWithAReasonAskedAgainAndPublished() throws Exception {
        String id = "s-101-0901-1";
        assertEquals(LessonReview.PRIVATE, catalog.get(id).orElseThrow().review());
        try {
            catalog.review(id, true, null, "reviewer");
            fail("nothing asked yet");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("private"));
        }
        assertEquals(LessonReview.State.PENDING, catalog.requestReview(id, "wang").review().state());
        assertEquals(List.of(id), reviewIds(LessonReview.State.PENDING));
        try {
            catalog.review(id, false, " ", "reviewer");
            fail("a rejection without a reason");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("why"));
        }
        LessonReview rejected = catalog.review(id, false, "画面太暗", "reviewer").review();
        assertEquals(new LessonReview(LessonReview.State.REJECTED, "画面太暗", "reviewer", NOW), rejected);
        catalog.requestReview(id, "wang");
        assertEquals(LessonReview.State.PUBLISHED, catalog.review(id, true, null, "reviewer").review().state());
        assertEquals(List.of(id), reviewIds(LessonReview.State.PUBLISHED));
        try {
            catalog.requestReview(id, "wang");
            fail("published already");
        } catch (IllegalStateException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("published"));
        }
        assertEquals(List.of("PENDING", "REJECTED", "PENDING", "PUBLISHED"), posted.stream()
                .filter(e -> e.getTopic().equals(CatalogEvents.REVIEWED)).map(e -> e.getProperty(CatalogEvents.STATE)).toList());
        assertEquals("the review is the lesson's, in its lesson.json", List.of(id), reviewIdsAfterRebuild(LessonReview.State.PUBLISHED));
        assertEquals(new LessonPage.Facet("PRIVATE", 4), catalog.find(LessonQuery.words(null)).facets().get("review").get(0));
    }

    @Test
    public void aLessonAskedForWhileItRecordsIsPendingOnceItEnds() throws Exception {
        Path folder = Folders.lesson(data, "20250905-080000-104", "104", "化学", "赵磊", "初三(2)班", MONDAY.plusDays(4), 1, 10);
        Folders.set(folder, "state", "RECORDING");
        catalog.handleEvent(new Event(RecordingEvents.STARTED, Map.of(RecordingEvents.ID, "20250905-080000-104",
                RecordingEvents.CLASSROOM, "104")));
        catalog.requestReview("20250905-080000-104", "zhaolei");
        assertEquals("its lesson.json is the recorder's", LessonReview.State.PRIVATE,
                catalog.get("20250905-080000-104").orElseThrow().review().state());
        Folders.set(folder, "state", "FINISHED");
        catalog.handleEvent(new Event(RecordingEvents.STOPPED, Map.of(RecordingEvents.ID, "20250905-080000-104",
                RecordingEvents.CLASSROOM, "104")));
        LessonReview review = catalog.get("20250905-080000-104").orElseThrow().review();
        assertEquals(new LessonReview(LessonReview.State.PENDING, null, "zhaolei", NOW), review);
        assertTrue(Files.readString(folder.resolve("lesson.json")).contains("zhaolei"));
    }

    @Test
    public void retentionNeverDeletesALessonTheReviewPublished() throws Exception {
        catalog.requestReview("s-101-0901-1", "wang");
        catalog.review("s-101-0901-1", true, null, "reviewer");
        // a disk that never has room: everything else goes, the published lesson stays
        catalog.retention(() -> 0, () -> Long.MAX_VALUE, KeepDays.FOREVER).run();
        assertTrue(catalog.get("s-101-0901-1").isPresent());
        assertEquals(List.of("s-101-0901-1"), everything().stream().filter(l -> l.state() != LessonState.SCHEDULED).map(Lesson::id).toList());
    }

    private List<String> reviewIds(LessonReview.State state) {
        return catalog.find(new LessonQuery(null, null, null, null, null, null, null, null, 0, 20, null, state)).items().stream()
                .map(Lesson::id).toList();
    }

    private List<String> reviewIdsAfterRebuild(LessonReview.State state) {
        catalog.rebuild();
        return reviewIds(state);
    }

    @Test
    public void anIndexOfAnEarlierFormatIsWrittenAgainFromTheStore() throws Exception {
        catalog.close();
        // an index as the catalog wrote it before facets: no format in its commit
        Path index = data.resolve("catalog/index");
        Files.walk(index).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        try (org.apache.lucene.index.IndexWriter w = new org.apache.lucene.index.IndexWriter(
                org.apache.lucene.store.FSDirectory.open(index), new org.apache.lucene.index.IndexWriterConfig())) {
            w.commit();
        }
        catalog = open();
        catalog.load();
        LessonPage all = catalog.find(new LessonQuery(null, null, null, null, null, null, null, null, 0, 20));
        assertEquals(5, all.total());
        assertEquals(3, all.facets().get("room").size());
    }

    private List<Lesson> everything() {
        return catalog.find(new LessonQuery(null, null, null, null, null, null, null, null, 0, 200)).items();
    }

    @Test
    public void theCatalogFollowsTheRecorder() throws Exception {
        Path folder = Folders.lesson(data, "20250905-080000-104", "104", "化学", "赵磊", "初三(2)班", MONDAY.plusDays(4), 1, 10);
        Folders.set(folder, "state", "RECORDING");
        catalog.handleEvent(new Event(RecordingEvents.STARTED, Map.of(RecordingEvents.ID, "20250905-080000-104",
                RecordingEvents.CLASSROOM, "104")));
        assertEquals(LessonState.RECORDING, catalog.get("20250905-080000-104").orElseThrow().state());
        try {
            catalog.edit("20250905-080000-104", new LessonEdit("x", null, null, null));
            fail("the recorder would write over it");
        } catch (IllegalStateException expected) {
            // refused
        }
        Folders.set(folder, "state", "FINISHED");
        Folders.set(folder, "partial", "true");
        catalog.handleEvent(new Event(RecordingEvents.STOPPED, Map.of(RecordingEvents.ID, "20250905-080000-104",
                RecordingEvents.CLASSROOM, "104")));
        assertEquals(LessonState.PARTIAL, catalog.get("20250905-080000-104").orElseThrow().state());
        assertEquals(List.of("20250905-080000-104"), ids("化学"));
    }

    @Test
    public void aRestartReadsOnlyWhatChangedAndForgetsWhatWentAway() throws Exception {
        catalog.close();
        Folders.set(data.resolve("recordings/101/s-101-0901-2"), "title", "古诗两首");
        Files.setLastModifiedTime(data.resolve("recordings/101/s-101-0901-2/lesson.json"),
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        for (Path p : Files.walk(data.resolve("recordings/103")).sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(p);
        }
        catalog = open();
        catalog.load();
        assertEquals(List.of("s-101-0901-2"), ids("古诗"));
        assertFalse(catalog.get("s-103-0904-1").isPresent());
    }

    @Test
    public void deletingALessonTakesItsFilesAndIsAnnounced() throws IOException {
        catalog.delete("s-102-0902-1", "asked by admin@127.0.0.1");
        assertFalse(Files.exists(data.resolve("recordings/102/s-102-0902-1")));
        assertFalse(catalog.get("s-102-0902-1").isPresent());
        assertEquals(List.of(), ids("牛顿"));
        assertEquals(CatalogEvents.DELETED, posted.get(0).getTopic());
        assertEquals("s-102-0902-1", posted.get(0).getProperty(CatalogEvents.ID));
    }

    @Test
    public void retentionDeletesTheOldestUnprotectedUnpublishedLessonsUntilThereIsRoom() throws Exception {
        catalog.edit("s-101-0901-1", new LessonEdit(null, null, true, null));
        catalog.handleEvent(new Event(PublishEvents.DONE, Map.of(PublishEvents.RECORDING, "s-101-0901-2")));
        long[] free = {1000};
        // the disk gains what each deletion frees
        Retention r = catalog.retention(() -> free[0] + deletedBytes(), () -> 1000 + 3000 + 4000, KeepDays.FOREVER);
        assertEquals(2, r.run());
        assertEquals("the oldest first, the protected and the published left",
                List.of("s-102-0902-1", "s-102-0903-3"), posted.stream().map(e -> (String) e.getProperty(CatalogEvents.ID)).toList());
        assertTrue(((String) posted.get(0).getProperty(CatalogEvents.REASON)).startsWith("retention"));
        assertTrue(catalog.get("s-101-0901-1").isPresent());
        assertTrue(catalog.get("s-101-0901-2").isPresent());
        assertEquals("room enough now", 0, r.run());
        assertEquals("nothing deletable is left: it stops and says so", 1,
                catalog.retention(() -> 0, () -> Long.MAX_VALUE, KeepDays.FOREVER).run());
        assertEquals(0, catalog.retention(() -> 0, () -> Long.MAX_VALUE, KeepDays.FOREVER).run());
    }

    @Test
    public void retentionDeletesTheLessonsTheirCategoryKeepsNoLonger() throws Exception {
        catalog.edit("s-101-0901-2", new LessonEdit(null, List.of("常态课"), null, null));
        catalog.edit("s-102-0902-1", new LessonEdit(null, List.of("常态课", "公开课"), null, null));
        catalog.edit("s-103-0904-1", new LessonEdit(null, null, true, null));
        catalog.requestReview("s-101-0901-1", "wang");
        posted.clear();
        // NOW is Monday 8 September, 07:00; a disk with room: only age deletes
        Retention r = catalog.retention(() -> Long.MAX_VALUE, () -> 0, KeepDays.parse("常态课=3", "公开课=30", "*=4"));
        assertEquals(2, r.run());
        assertEquals("the 常态课 of 1 September and the untagged lesson of 3 September; 公开课 keeps the lesson tagged "
                + "with both, the pending and the protected are kept", List.of("s-101-0901-2", "s-102-0903-3"),
                posted.stream().map(e -> (String) e.getProperty(CatalogEvents.ID)).toList());
        assertTrue((String) posted.get(0).getProperty(CatalogEvents.REASON),
                ((String) posted.get(0).getProperty(CatalogEvents.REASON)).startsWith("retention: '常态课' lessons are kept 3 days"));
        assertFalse(Files.exists(data.resolve("recordings/102/s-102-0903-3")));
        assertEquals(0, r.run());
        assertEquals(List.of("s-101-0901-1", "s-102-0902-1", "s-103-0904-1"),
                everything().stream().filter(l -> l.state() != LessonState.SCHEDULED).map(Lesson::id).sorted().toList());
    }

    @Test
    public void aViewCountsOnceByItsPlayersIdAndGoesWithItsLesson() throws Exception {
        assertTrue(catalog.viewed("s-101-0901-1", "player-1", "wang"));
        assertFalse("the same player again", catalog.viewed("s-101-0901-1", "player-1", "wang"));
        assertTrue(catalog.viewed("s-101-0901-1", "player-2", "wang"));
        assertTrue(catalog.viewed("s-102-0902-1", "player-3", null));
        assertTrue(catalog.viewed("s-103-0904-1", "player-4", "lucy"));
        assertEquals(Map.of("s-101-0901-1", 2L, "s-102-0902-1", 1L), catalog.views(MONDAY, MONDAY.plusDays(1)));
        assertEquals("each view counted announced once, with its viewer where known",
                List.of("s-101-0901-1 wang", "s-101-0901-1 wang", "s-102-0902-1 null", "s-103-0904-1 lucy"),
                posted.stream().filter(e -> e.getTopic().equals(CatalogEvents.VIEWED))
                        .map(e -> e.getProperty(CatalogEvents.ID) + " " + e.getProperty(CatalogEvents.VIEWER)).toList());
        assertEquals("the most viewed first", "s-101-0901-1", catalog.views(MONDAY, MONDAY.plusDays(6)).keySet().iterator().next());
        catalog.rebuild();
        assertEquals("a rebuild keeps them", 2L, (long) catalog.views(MONDAY, MONDAY).get("s-101-0901-1"));
        catalog.delete("s-101-0901-1", "test");
        assertEquals(Map.of("s-102-0902-1", 1L, "s-103-0904-1", 1L), catalog.views(MONDAY, MONDAY.plusDays(6)));
        assertEquals("no lesson s-101-0901-1", assertThrows(IllegalArgumentException.class,
                () -> catalog.viewed("s-101-0901-1", "player-5", "wang")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> catalog.viewed("s-102-0902-1", " ", "wang"));
    }

    private long deletedBytes() {
        long sum = 0;
        if (!catalog.get("s-102-0902-1").isPresent()) sum += 3000;
        if (!catalog.get("s-102-0903-3").isPresent()) sum += 4000;
        return sum;
    }

    private static final String LESSONS = "room,weekday,period,weeks,course,teacher,class,record\n"
            + "101,1,1,all,数学,王芳,初二(3)班,yes\n101,1,2,all,语文,李明,初二(3)班,no\n";

    /** The real timetable, in the data folder: Mondays 数学 in 101 (recorded), 语文 (not), and Fridays 化学 in 104. */
    private Timetable timetable() {
        Timetable t = Timetables.outsideFramework(data.resolve("timetable"), Folders.SHANGHAI);
        t.importBells("profile,period,label,start,end\nw,1,第1节,08:00,08:45\nw,2,第2节,08:55,09:40\n"
                .getBytes(StandardCharsets.UTF_8));
        t.importCalendar("date,kind,follows_date,bell_profile,note\n2025-09-01,term_start,,w,\n2026-01-16,term_end,,,\n"
                .getBytes(StandardCharsets.UTF_8));
        t.importLessons((LESSONS + "104,5,1,all,化学,赵磊,初三(2)班,yes\n").getBytes(StandardCharsets.UTF_8));
        return t;
    }

    private List<Lesson> scheduled(LocalDate from, LocalDate to) {
        return catalog.find(new LessonQuery(null, null, null, null, null, from, to, LessonState.SCHEDULED, 0, 200)).items();
    }

    @Test
    public void theTimetablesNextTwoWeeksAreScheduledLessonsUntilTheyRecord() throws Exception {
        Timetable t = timetable();
        catalog.setTimetable(t);
        catalog.schedule(t, NOW);
        LocalDate today = MONDAY.plusWeeks(1);
        List<Lesson> all = scheduled(null, null);
        assertEquals("three Mondays and two Fridays of 14 days ahead, recorded lessons only: " + all, List.of(
                today.plusDays(14), today.plusDays(11), today.plusDays(7), today.plusDays(4), today),
                all.stream().map(Lesson::date).toList());
        Session first = t.sessions(today, today, "101").get(0);
        Lesson l = catalog.get(first.id()).orElseThrow();
        assertEquals(LessonState.SCHEDULED, l.state());
        assertEquals(List.of("101", "数学", "王芳", "初二(3)班", "实验中学"), List.of(l.room(), l.course(), l.teacher(), l.schoolClass(),
                l.school()));
        assertEquals(Integer.valueOf(1), l.period());
        assertEquals("数学 · 初二(3)班 · 王芳 · 2025-09-08 第1节", l.title());
        assertEquals(first.start().toInstant(), l.started());
        assertEquals(first.end().toInstant(), l.ended());
        assertEquals("a date range", List.of("化学"), scheduled(today.plusDays(4), today.plusDays(4)).stream().map(Lesson::course).toList());
        assertEquals("the five recorded lessons are not scheduled", 5,
                catalog.find(new LessonQuery(null, null, null, null, null, null, null, LessonState.FINISHED, 0, 10)).total());
        assertEquals("found by words like any lesson", 2, catalog.find(LessonQuery.words("化学")).total());
        try {
            catalog.delete(first.id(), "asked");
            fail("a scheduled lesson is the timetable's");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage(), expected.getMessage().contains("timetable"));
        }

        // the session records: its lesson is the recorded one from then on
        Path folder = Folders.lesson(data, first.id(), "101", "数学", "王芳", "初二(3)班", today, 1, 10);
        Folders.set(folder, "state", "RECORDING");
        catalog.handleEvent(new Event(RecordingEvents.STARTED, Map.of(RecordingEvents.ID, first.id(), RecordingEvents.CLASSROOM, "101")));
        assertEquals(LessonState.RECORDING, catalog.get(first.id()).orElseThrow().state());
        catalog.schedule(t, first.end().toInstant().minusSeconds(60));
        assertEquals(LessonState.RECORDING, catalog.get(first.id()).orElseThrow().state());
        assertEquals(4, scheduled(null, null).size());
        assertEquals("a rebuild keeps both", 6, catalog.rebuild());
        assertEquals(LessonState.RECORDING, catalog.get(first.id()).orElseThrow().state());
        assertEquals(4, scheduled(null, null).size());

        // 104 leaves the timetable: its scheduled lessons leave the catalog
        t.importLessons(LESSONS.getBytes(StandardCharsets.UTF_8));
        catalog.schedule(t, NOW);
        assertEquals(List.of("101", "101"), scheduled(null, null).stream().map(Lesson::room).toList());
        assertEquals(0, catalog.find(LessonQuery.words("化学")).total());
        // a lesson that ended unrecorded is no longer to be recorded; without a timetable there are none
        catalog.schedule(t, first.end().toInstant().plusSeconds(7 * 86_400));
        assertEquals(List.of(today.plusDays(21), today.plusDays(14)), scheduled(null, null).stream().map(Lesson::date).toList());
        catalog.unsetTimetable(t);
        catalog.schedule(null, NOW);
        assertEquals(List.of(), scheduled(null, null));
        assertEquals(6, catalog.find(LessonQuery.words("")).total());
    }
}
