package org.yike.web.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.Test;
import org.yike.api.evaluation.Evaluations;
import org.yike.api.evaluation.Statistic;
import org.yike.api.report.Table;
import org.yike.api.report.TableWriter;

public class TableAnswerTest {

    private static final TableWriter XLSX = writer("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
    private static final TableWriter PDF = writer("application/pdf", "pdf");
    private static final List<Map.Entry<Map<String, Object>, TableWriter>> BOTH = List.of(
            Map.entry(Map.of(TableWriter.FORMAT, "xlsx"), XLSX), Map.entry(Map.of(TableWriter.FORMAT, "pdf"), PDF));

    @Test
    public void theFormatParameterPicksTheWriterOfThatFormat() {
        assertSame(XLSX, TableAnswer.writer("xlsx", null, BOTH).orElseThrow());
        assertSame(PDF, TableAnswer.writer("PDF", "application/json", BOTH).orElseThrow());
        assertEquals(Optional.empty(), TableAnswer.writer("json", "application/pdf", BOTH));
    }

    @Test
    public void anAcceptHeaderThatPrefersAWritersTypeGetsIt() {
        assertSame(PDF, TableAnswer.writer(null, "application/pdf", BOTH).orElseThrow());
        assertSame(XLSX, TableAnswer.writer(null, "application/json;q=0.5, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                BOTH).orElseThrow());
        assertEquals("JSON listed first", Optional.empty(), TableAnswer.writer(null, "application/json, application/pdf", BOTH));
        assertEquals("a browser's", Optional.empty(), TableAnswer.writer(null,
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", BOTH));
        assertEquals(Optional.empty(), TableAnswer.writer(null, null, BOTH));
        assertEquals(List.of("b", "a"), TableAnswer.preferred("a;q=0.2, b, c;q=0"));
    }

    @Test
    public void aFormatNoInstalledWriterWritesIsRefusedWithTheFormatsThereAre() {
        assertRefused(406, "no writer for the format 'docx' is installed here; formats: json, pdf, xlsx", () -> TableAnswer.writer("docx", null, BOTH));
        assertRefused(406, "formats: json", () -> TableAnswer.writer("pdf", null, List.of()));
        assertRefused(406, "application/json or ?format= json", () -> TableAnswer.writer(null, "application/pdf", List.of()));
    }

    @Test
    public void theStatisticsTableIsChineseUnlessTheCallerPrefersEnglish() {
        List<Statistic> stats = List.of(new Statistic("王芳", 2, 88.5, 77, 100));
        Table zh = StatisticsTable.of(Evaluations.By.TEACHER, stats, null);
        assertEquals("评课统计（按教师）", zh.title());
        assertEquals(List.of("教师", "评课数", "平均分", "最低分", "最高分"), zh.headings());
        assertEquals(List.of(List.of("王芳", 2L, 88.5, 77.0, 100.0)), zh.rows());
        assertEquals("评课统计（按学期）", StatisticsTable.of(Evaluations.By.TERM, stats, "zh-CN,zh;q=0.9,en;q=0.8").title());
        Table en = StatisticsTable.of(Evaluations.By.GRADE, stats, "en-US,en;q=0.9,zh;q=0.5");
        assertEquals("Evaluation statistics by grade", en.title());
        assertEquals(List.of("Grade", "Evaluations", "Mean", "Lowest", "Highest"), en.headings());
    }

    private static void assertRefused(int status, String reason, Runnable call) {
        try {
            call.run();
            fail("not refused");
        } catch (Refused r) {
            assertEquals(status, r.status);
            assertTrue(r.getMessage(), r.getMessage().contains(reason));
        }
    }

    private static TableWriter writer(String mediaType, String extension) {
        return new TableWriter() {
            @Override
            public String mediaType() {
                return mediaType;
            }

            @Override
            public String extension() {
                return extension;
            }

            @Override
            public void write(Table table, OutputStream out) {
                throw new UnsupportedOperationException("the tests only pick writers");
            }
        };
    }
}
