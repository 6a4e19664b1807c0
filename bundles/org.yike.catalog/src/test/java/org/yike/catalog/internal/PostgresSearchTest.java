package org.yike.catalog.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.catalog.Lesson;
import org.yike.api.catalog.LessonEdit;
import org.yike.api.catalog.LessonPage;
import org.yike.api.catalog.LessonQuery;
import org.yike.api.catalog.LessonState;
import org.yike.catalog.fixture.MigratedDatabase;
import org.yike.catalog.fixture.MigratedDatabase.Engine;

/**
 * The same queries find the same lessons in PostgreSQL's full text as in Lucene's index: words, parts of
 * words, single characters, several parts, Latin letters, with filters and readers, on one catalog.
 */
public class PostgresSearchTest {

    private static final LocalDate MONDAY = LocalDate.of(2025, 9, 1);

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    @Rule
    public MigratedDatabase database = new MigratedDatabase(Engine.POSTGRESQL);
    /** Where the same lessons are found by Lucene, the catalog's search on Derby. */
    @Rule
    public MigratedDatabase derby = new MigratedDatabase(Engine.DERBY);

    private LessonCatalog catalog;
    private LessonCatalog lucene;
    private CatalogStore postgres;

    @Before
    public void lessons() throws Exception {
        catalog = catalog(tmp.newFolder("postgresql").toPath(), database);
        lucene = catalog(tmp.newFolder("derby").toPath(), derby);
        postgres = new CatalogStore(database.dataSource());
    }

    private static LessonCatalog catalog(Path data, MigratedDatabase db) throws Exception {
        Folders.lesson(data, "s-101-0901-1", "101", "数学", "王芳", "初二(3)班", MONDAY, 1, 1000, "勾股定理", "学生回答问题");
        Folders.lesson(data, "s-101-0901-2", "101", "语文", "李明", "初二(3)班", MONDAY, 2, 2000, "朗读课文", "古诗两首");
        Folders.lesson(data, "s-102-0902-1", "102", "物理", "张伟", "初三(1)班", MONDAY.plusDays(1), 1, 3000, "牛顿第二定律", "实验演示");
        Folders.lesson(data, "s-102-0903-3", "102", "数学", "王芳", "初三(1)班", MONDAY.plusDays(2), 3, 4000, "二次函数", "定理的证明");
        Folders.lesson(data, "s-103-0904-1", "103", "英语", "Lucy Smith", "初一(2)班", MONDAY.plusDays(3), 1, 5000, "Reading aloud",
                "Lucy's questions");
        Folders.lesson(data, "s-103-0905-2", "103", "化学", "刘洋", "初三(2)班", MONDAY.plusDays(4), 2, 6000, "氧化还原反应", "化学方程式");
        Folders.lesson(data, "s-104-0905-3", "104", "数学", "刘洋", "初一(2)班", MONDAY.plusDays(4), 3, 7000, "一元二次方程", "等腰三角形");
        LessonCatalog c = new LessonCatalog(data, db.dataSource(), "实验中学", Clock.fixed(MONDAY.plusWeeks(2).atStartOfDay(Folders.SHANGHAI)
                .toInstant(), Folders.SHANGHAI), 0, e -> { });
        c.load();
        c.edit("s-101-0901-2", new LessonEdit(null, List.of("公开课", "优质课"), null, null, List.of("zhangwei")));
        return c;
    }

    @After
    public void close() {
        postgres.close();
        catalog.close();
        lucene.close();
    }

    @Test
    public void theSameQueriesFindTheSameLessons() throws Exception {
        List<LessonQuery> queries = new ArrayList<>();
        for (String q : List.of("数学", "定理", "勾股定理", "勾股", "股定", "定", "王芳", "朗读", "朗读课文 古诗", "课文古诗", "二次",
                "二次函数", "一元二次方程", "方程 数学", "第二定律", "公开课", "初二(3)班", "reading", "Reading aloud", "lucy", "questions",
                "Lucy's", "学生 回答", "反应 化学", "演示实验", "的", "！", "xyz")) {
            queries.add(LessonQuery.words(q));
        }
        queries.add(new LessonQuery("数学", "102", null, null, null, null, null, null, 0, 20));
        queries.add(new LessonQuery("二次", null, "刘洋", null, null, null, null, null, 0, 20));
        queries.add(new LessonQuery(null, null, null, "数学", "初一(2)班", null, null, null, 0, 20));
        queries.add(new LessonQuery("数学", null, null, null, null, MONDAY.plusDays(1), MONDAY.plusDays(3), null, 0, 20));
        queries.add(new LessonQuery(null, null, null, null, null, null, null, LessonState.FINISHED, 0, 20));
        queries.add(new LessonQuery("课", null, null, null, null, null, null, null, 0, 20, new LessonQuery.Reader("王芳", "zhangwei"), null));
        queries.add(new LessonQuery(null, null, null, null, null, null, null, null, 0, 20, new LessonQuery.Reader(null, null), null));

        int found = 0;
        for (LessonQuery q : queries) {
            LessonPage byLucene = lucene.find(q);
            LessonPage byPostgres = catalog.find(q);
            List<String> ids = byLucene.items().stream().map(Lesson::id).sorted().toList();
            assertEquals(q.toString(), ids, byPostgres.items().stream().map(Lesson::id).sorted().toList());
            assertEquals(q.toString(), ids.size(), byPostgres.total());
            assertEquals(q + ": the facets", byLucene.facets(), byPostgres.facets());
            if (!ids.isEmpty()) found++;
        }
        assertTrue("most queries find something: " + found, found >= queries.size() - 5);
    }

    @Test
    public void pagesComeNewestFirstAndTheWordsGoWithTheirLesson() throws Exception {
        LessonQuery first = new LessonQuery("数学", null, null, null, null, null, null, null, 0, 2);
        LessonQuery second = new LessonQuery("数学", null, null, null, null, null, null, null, 1, 2);
        assertEquals(List.of("s-104-0905-3", "s-102-0903-3"), postgres.find(first).orElseThrow().ids());
        assertEquals(List.of("s-101-0901-1"), postgres.find(second).orElseThrow().ids());
        assertEquals(3, postgres.find(second).orElseThrow().total());

        catalog.delete("s-104-0905-3", "test");
        assertEquals(List.of("s-102-0903-3", "s-101-0901-1"), postgres.find(first).orElseThrow().ids());
        catalog.edit("s-102-0903-3", new LessonEdit(null, null, null, Map.of(60_000L, "函数图像")));
        assertEquals(List.of("s-102-0903-3"), postgres.find(LessonQuery.words("图像")).orElseThrow().ids());
        assertEquals("the old chapter name is gone", List.of(), postgres.find(LessonQuery.words("二次函数")).orElseThrow().ids());
    }
}
