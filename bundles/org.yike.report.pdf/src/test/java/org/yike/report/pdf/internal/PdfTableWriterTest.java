package org.yike.report.pdf.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.Test;
import org.yike.api.report.Table;

public class PdfTableWriterTest {

    private static final List<String> HEADINGS = List.of("教师", "评课数", "平均分");

    @Test
    public void theChineseNamesAndNumbersExtract() throws Exception {
        Table table = new Table("评课统计（按教师）", HEADINGS, List.of(
                List.of("王芳", 2L, 88.5),
                List.of("欧阳婧", 1L, 50.0),
                Arrays.asList("Li Ming 李明", 3L, null)));
        try (PDDocument pdf = Loader.loadPDF(write(table))) {
            assertEquals(1, pdf.getNumberOfPages());
            assertEquals("评课统计（按教师）", pdf.getDocumentInformation().getTitle());
            PDRectangle size = pdf.getPage(0).getMediaBox();
            assertEquals(PDRectangle.A4.getWidth(), size.getWidth(), 0.01);
            assertEquals(PDRectangle.A4.getHeight(), size.getHeight(), 0.01);
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text, text.contains("评课统计（按教师）"));
            assertTrue(text, text.contains("教师 评课数 平均分"));
            assertTrue(text, text.contains("王芳 2 88.50"));
            assertTrue(text, text.contains("欧阳婧 1 50.00"));
            assertTrue(text, text.contains("Li Ming 李明 3"));
            for (PDFont font : fonts(pdf.getPage(0))) {
                assertTrue(font.getName() + " embedded", font.isEmbedded());
                // a subset's name has a tag of six capitals and a plus before it
                assertTrue(font.getName() + " a subset", font.getName().matches("[A-Z]{6}\\+.+"));
            }
        }
    }

    @Test
    public void aLongTableBreaksIntoPagesWithTheHeadingsOnEach() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 120; i++) rows.add(List.of("教师" + i, (long) i, i + 0.25));
        try (PDDocument pdf = Loader.loadPDF(write(new Table("评课统计", HEADINGS, rows)))) {
            assertTrue("pages: " + pdf.getNumberOfPages(), pdf.getNumberOfPages() >= 3);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String page = stripper.getText(pdf);
                assertTrue("page " + p + ": " + page, page.contains("教师 评课数 平均分"));
                assertTrue("page " + p + ": " + page, page.contains(p + " / " + pdf.getNumberOfPages()));
            }
            String all = new PDFTextStripper().getText(pdf);
            for (int i = 1; i <= 120; i++) assertTrue("row " + i, all.contains("教师" + i + " " + i + " " + i + ".25"));
        }
    }

    @Test
    public void aCellWiderThanItsColumnWrapsInsideIt() throws Exception {
        String remark = "导入自然，提问有层次，学生参与度高；板书清晰，课堂节奏把握得当，小结部分可以再留出一些时间给学生讨论和归纳。".repeat(3);
        try (PDDocument pdf = Loader.loadPDF(write(new Table("评语", List.of("教师", "评语"), List.of(List.of("王芳", remark)))))) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text, text.lines().count() > 4);
            // the title, the headings, then the cell's lines (the first after the name), the page number last
            List<String> lines = text.lines().toList();
            assertEquals("every character is there, in order", "王芳 " + remark,
                    String.join("", lines.subList(2, lines.size() - 1)));
        }
    }

    @Test
    public void aCharacterNeitherFontHasShowsAsAQuestionMark() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(write(new Table("表", List.of("名"), List.of(List.of("王\uD83E\uDEE0芳")))))) {
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text, text.contains("王?芳"));
        }
    }

    private static byte[] write(Table table) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfTableWriter().write(table, out);
        return out.toByteArray();
    }

    private static List<PDFont> fonts(PDPage page) throws Exception {
        List<PDFont> fonts = new ArrayList<>();
        for (var name : page.getResources().getFontNames()) fonts.add(page.getResources().getFont(name));
        return fonts;
    }
}
