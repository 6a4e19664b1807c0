package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Test;

/**
 * The evaluation statistics downloaded from the product jar as xlsx and PDF: judges score lessons of teachers
 * with Chinese names through the API, and the workbook (read with POI) and the PDF's text (PDFBox) hold the
 * names, counts and means worked out by hand; the same permission as the JSON, 406 for a format not installed.
 */
public class EvaluationExportTest extends ProductJarTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    public void theStatisticsDownloadAsXlsxAndPdfWithTheChineseNamesIntact() throws Exception {
        ModuleFixtures.delete(data);
        InYike.configFile(data, "org.yike.web.access", "school=\"" + EvaluationTest.SCHOOL + "\"");
        InYike.configFile(data, "org.yike.catalog", "school=\"" + EvaluationTest.SCHOOL + "\"");
        AccessTest.lesson(data, "wang-1", "王芳");
        AccessTest.lesson(data, "wang-2", "王芳");
        AccessTest.lesson(data, "ouyang-1", "欧阳婧");
        yike = InYike.productJar(data, port);
        Api admin = new Api(port, data).ready(60);
        for (String lesson : new String[] {"wang-1", "wang-2", "ouyang-1"}) admin.awaitOk("lessons/" + lesson, 30);
        AccessTest.user(admin, "ping", "评委甲", "judge", EvaluationTest.SCHOOL, "ping-secret-1");
        AccessTest.user(admin, "wang", "王芳", "teacher", EvaluationTest.SCHOOL, "wang-secret-12");
        Api.Answer rubric = admin.post("rubrics", EvaluationTest.RUBRIC);
        assertEquals(rubric.toString(), 201, rubric.status());

        Api ping = admin.login("ping", "ping-secret-1");
        // totals: 40 × goal/10 + 60 × interaction/20
        assertEquals(77.0, evaluate(ping, "wang-1", 8, 15), 1e-9);
        assertEquals(100.0, evaluate(ping, "wang-2", 10, 20), 1e-9);
        assertEquals(50.0, evaluate(ping, "ouyang-1", 5, 10), 1e-9);

        Api.Download xlsx = ping.download("evaluations/statistics?by=teacher&format=xlsx");
        assertEquals(new String(xlsx.body(), StandardCharsets.UTF_8), 200, xlsx.status());
        assertEquals(XLSX, xlsx.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("评课统计（按教师）.xlsx", downloadName(xlsx));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheet("评课统计（按教师）");
            assertEquals("教师", sheet.getRow(0).getCell(0).getStringCellValue());
            Map<String, Row> rows = new HashMap<>();
            for (Row row : sheet) if (row.getRowNum() > 0) rows.put(row.getCell(0).getStringCellValue(), row);
            assertEquals(rows.keySet().toString(), 2, rows.size());
            assertNumbers(rows.get("王芳"), 2, 88.5, 77, 100);
            assertNumbers(rows.get("欧阳婧"), 1, 50, 50, 50);
        }

        Api.Download pdf = ping.download("evaluations/statistics?by=teacher", "Accept", "application/pdf");
        assertEquals(new String(pdf.body(), StandardCharsets.UTF_8), 200, pdf.status());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("评课统计（按教师）.pdf", downloadName(pdf));
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text, text.contains("评课统计（按教师）"));
            assertTrue(text, text.contains("教师 评课数 平均分 最低分 最高分"));
            assertTrue(text, text.contains("王芳 2 88.50 77.00 100.00"));
            assertTrue(text, text.contains("欧阳婧 1 50.00 50.00 50.00"));
        }

        JsonNode json = ping.get("evaluations/statistics?by=teacher").body();
        assertEquals(json.toString(), 2, json.size());
        Api.Answer docx = ping.get("evaluations/statistics?by=teacher&format=docx");
        assertEquals(docx.toString(), 406, docx.status());
        assertTrue(docx.toString(), docx.body().get("error").asText().contains("json, pdf, xlsx"));
        Api.Download teacher = admin.login("wang", "wang-secret-12").download("evaluations/statistics?by=teacher&format=pdf");
        assertEquals("a teacher may not read the statistics in any format", 403, teacher.status());
    }

    /** The judge's evaluation of the lesson scored and submitted: its total. */
    private static double evaluate(Api judge, String lesson, double goal, double interaction) throws Exception {
        Api.Answer started = judge.post("evaluations", "{\"lesson\": \"" + lesson + "\", \"rubric\": \"district-2026\"}");
        assertEquals(started.body().toString(), 201, started.status());
        String id = started.body().get("id").asText();
        assertEquals(200, judge.put("evaluations/" + id + "/scores/goal", "application/json", "{\"score\": " + goal + "}").status());
        assertEquals(200, judge.put("evaluations/" + id + "/scores/interaction", "application/json", "{\"score\": " + interaction + "}").status());
        Api.Answer submitted = judge.post("evaluations/" + id + "/submit", "");
        assertEquals(submitted.body().toString(), 200, submitted.status());
        return submitted.body().get("total").asDouble();
    }

    private static void assertNumbers(Row row, double count, double mean, double min, double max) {
        assertEquals(count, row.getCell(1).getNumericCellValue(), 0);
        assertEquals(mean, row.getCell(2).getNumericCellValue(), 1e-9);
        assertEquals(min, row.getCell(3).getNumericCellValue(), 1e-9);
        assertEquals(max, row.getCell(4).getNumericCellValue(), 1e-9);
    }

    /** The UTF-8 file name of the download's Content-Disposition (RFC 8187's filename*). */
    private static String downloadName(Api.Download file) {
        String disposition = file.headers().firstValue("Content-Disposition").orElseThrow();
        assertTrue(disposition, disposition.startsWith("attachment;"));
        return URLDecoder.decode(disposition.substring(disposition.indexOf("filename*=UTF-8''") + 17), StandardCharsets.UTF_8);
    }
}
