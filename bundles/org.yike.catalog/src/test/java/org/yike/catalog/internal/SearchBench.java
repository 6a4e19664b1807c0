package org.yike.catalog.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.yike.api.catalog.Chapter;
import org.yike.api.catalog.Lesson;
import org.yike.api.catalog.LessonFile;
import org.yike.api.catalog.LessonQuery;
import org.yike.api.catalog.LessonState;
import org.yike.catalog.fixture.LoopbackPostgres;

/**
 * Search latency of the catalog ({@code bench/catalog-search.sh}): a catalog of N made-up lessons of
 * a 60-room school (Derby and Lucene on disk, as in the runtime), then each kind of query many times;
 * prints the median and 95th percentile of {@link LessonCatalog#find} (index search plus reading the
 * page's lessons from Derby), without HTTP. Arguments: the working folder, then the sizes. With
 * {@code -Dyike.bench.engine=postgresql} the catalog is on the tests' PostgreSQL server instead, and
 * PostgreSQL's full-text search ({@link PostgresSearch}, ids and total only) is timed beside it.
 */
public final class SearchBench {

    private static final String[] COURSES = {"数学", "语文", "英语", "物理", "化学", "生物", "历史", "地理", "政治", "音乐", "美术", "体育"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"芳", "明", "伟", "静", "磊", "娜", "强", "敏", "洋", "艳", "勇", "军", "杰", "涛"};
    private static final String[] CHAPTERS = {"勾股定理", "二次函数", "牛顿第二定律", "氧化还原反应", "细胞分裂", "朗读课文",
            "古诗两首", "学生回答问题", "课件 第5页", "小组讨论", "实验演示", "课堂小结", "板书讲解", "一元二次方程", "光合作用",
            "辛亥革命", "等腰三角形", "欧姆定律", "化学方程式", "阅读理解"};

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        for (String size : Arrays.copyOfRange(args, 1, args.length)) run(work.resolve("n" + size), Integer.parseInt(size));
    }

    private static void run(Path data, int n) throws Exception {
        LessonFolder.deleteTree(data);
        Files.createDirectories(data);
        boolean postgres = "postgresql".equals(System.getProperty("yike.bench.engine"));
        LoopbackPostgres server = postgres ? LoopbackPostgres.get() : null;
        CatalogDatabase database = new CatalogDatabase(postgres
                ? CatalogDatabase.postgresql(server.url(server.newDatabase()), LoopbackPostgres.USER, null)
                : CatalogDatabase.derby(data.resolve("catalog/db")), 10);
        CatalogStore fullText = postgres ? new CatalogStore(database) : null;
        LessonCatalog catalog = new LessonCatalog(data, database, "实验中学", java.time.Clock.system(Folders.SHANGHAI), 0, e -> { });
        try {
            long t0 = System.nanoTime();
            Random random = new Random(42);
            LocalDate first = LocalDate.of(2020, 9, 1);
            List<CatalogStore.Entry> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                batch.add(new CatalogStore.Entry(lesson(i, random, first), data.resolve("recordings/x/" + i), 0));
                if (batch.size() == 1000) {
                    catalog.add(batch);
                    batch.clear();
                }
            }
            catalog.add(batch);
            catalog.commit();
            double built = (System.nanoTime() - t0) / 1e9;

            Map<String, LessonQuery> queries = new LinkedHashMap<>();
            queries.put("q=数学 (a word)", LessonQuery.words("数学"));
            queries.put("q=定理 (inside 勾股定理)", LessonQuery.words("定理"));
            queries.put("q=王芳 (a teacher)", LessonQuery.words("王芳"));
            queries.put("q=数学 勾股 (two words)", LessonQuery.words("数学 勾股"));
            queries.put("q=物理&room=105&from..to (a term)", new LessonQuery("物理", "105", null, null, null,
                    LocalDate.of(2022, 9, 1), LocalDate.of(2023, 1, 31), null, 0, 20));
            queries.put("teacher=李明&course=语文 (filters only)", new LessonQuery(null, null, "李明", "语文", null, null, null,
                    LessonState.FINISHED, 0, 20));
            queries.put("no filter, page 50 (newest first)", new LessonQuery(null, null, null, null, null, null, null, null, 50, 20));
            List<Double> all = new ArrayList<>();
            StringBuilder rows = new StringBuilder();
            for (Map.Entry<String, LessonQuery> q : queries.entrySet()) {
                for (int i = 0; i < 20; i++) catalog.find(q.getValue()); // warm-up
                double[] ms = new double[200];
                long total = 0;
                for (int i = 0; i < ms.length; i++) {
                    long s = System.nanoTime();
                    total = catalog.find(q.getValue()).total();
                    ms[i] = (System.nanoTime() - s) / 1e6;
                    all.add(ms[i]);
                }
                Arrays.sort(ms);
                rows.append(String.format("| %s | %d | %.2f | %.2f |", q.getKey(), total, ms[ms.length / 2],
                        ms[(int) (ms.length * 0.95)]));
                if (fullText != null) {
                    for (int i = 0; i < 20; i++) fullText.find(q.getValue());
                    double[] pg = new double[200];
                    long pgTotal = 0;
                    for (int i = 0; i < pg.length; i++) {
                        long s = System.nanoTime();
                        pgTotal = fullText.find(q.getValue()).orElseThrow().total();
                        pg[i] = (System.nanoTime() - s) / 1e6;
                    }
                    Arrays.sort(pg);
                    rows.append(String.format(" %d | %.2f | %.2f |", pgTotal, pg[pg.length / 2], pg[(int) (pg.length * 0.95)]));
                }
                rows.append(System.lineSeparator());
            }
            double[] every = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf("%n### %,d lessons%n%nbuilt in %.1f s (%s + Lucene, %d MB on this disk)%n%n", n, built,
                    postgres ? "PostgreSQL" : "Derby", size(data.resolve("catalog")) >> 20);
            System.out.println("| query | lessons found | median ms | p95 ms |" + (postgres ? " PostgreSQL found | median ms | p95 ms |" : ""));
            System.out.println("|---|---:|---:|---:|" + (postgres ? "---:|---:|---:|" : ""));
            System.out.print(rows);
            System.out.printf("| **all queries** | | **%.2f** | **%.2f** |%n", every[every.length / 2],
                    every[(int) (every.length * 0.95)]);
        } finally {
            catalog.close();
            if (fullText != null) fullText.close();
            database.shutdown();
        }
    }

    private static Lesson lesson(int i, Random r, LocalDate first) {
        String room = Integer.toString(101 + r.nextInt(60));
        String course = COURSES[r.nextInt(COURSES.length)];
        String teacher = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
        String schoolClass = "初" + "一二三".charAt(r.nextInt(3)) + "(" + (1 + r.nextInt(12)) + ")班";
        LocalDate date = first.plusDays(r.nextInt(5 * 365));
        int period = 1 + r.nextInt(8);
        Instant start = date.atTime(7 + period, 0).atZone(Folders.SHANGHAI).toInstant();
        List<Chapter> chapters = new ArrayList<>();
        for (int c = 0, k = r.nextInt(5); c < k; c++) chapters.add(new Chapter(60_000L * (c + 1), CHAPTERS[r.nextInt(CHAPTERS.length)]));
        return new Lesson("L" + i, "实验中学", room, teacher, course, schoolClass, date, period,
                Lesson.defaultTitle(course, schoolClass, teacher, date, period), LessonState.FINISHED, start,
                start.plusSeconds(2700), 2_700_000L, 2_000_000_000L,
                List.of(new LessonFile("program.mp4", "program", "recording", null, 2_000_000_000L)), chapters, List.of(),
                false, false);
    }

    private static long size(Path folder) throws Exception {
        try (var files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
