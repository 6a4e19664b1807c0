package org.yike.report.xlsx.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.Test;
import org.yike.api.report.Table;

public class XlsxTableWriterTest {

    private static final Table TABLE = new Table("评课统计（按教师）", List.of("教师", "评课数", "平均分"), List.of(
            List.of("王芳", 2L, 88.5),
            List.of("欧阳婧", 1L, 50.0),
            Arrays.asList("Li Ming", 3L, null)));

    @Test
    public void aTableReadsBackWithItsChineseNamesAndNumbers() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxTableWriter().write(TABLE, out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertEquals(1, book.getNumberOfSheets());
            XSSFSheet sheet = book.getSheet("评课统计（按教师）");
            assertEquals("评课统计（按教师）", book.getProperties().getCoreProperties().getTitle());
            Row headings = sheet.getRow(0);
            assertEquals("教师", headings.getCell(0).getStringCellValue());
            assertTrue("headings bold", book.getFontAt(headings.getCell(2).getCellStyle().getFontIndex()).getBold());
            assertEquals("王芳", sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals("欧阳婧", sheet.getRow(2).getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, sheet.getRow(1).getCell(1).getCellType());
            assertEquals(2.0, sheet.getRow(1).getCell(1).getNumericCellValue(), 0);
            assertEquals("0", sheet.getRow(1).getCell(1).getCellStyle().getDataFormatString());
            assertEquals(88.5, sheet.getRow(1).getCell(2).getNumericCellValue(), 0);
            assertEquals("0.00", sheet.getRow(1).getCell(2).getCellStyle().getDataFormatString());
            assertEquals(CellType.BLANK, sheet.getRow(3).getCell(2).getCellType());
            assertEquals("the headings stay in view", 1, sheet.getPaneInformation().getHorizontalSplitPosition());
            // 欧阳婧 is 6 wide, 教师 4, Li Ming 7: the widest and two more
            assertEquals(9 * 256, sheet.getColumnWidth(0));
        }
    }

    @Test
    public void chineseCharactersCountDouble() {
        assertEquals(4, XlsxTableWriter.width("王芳"));
        assertEquals(7, XlsxTableWriter.width("初二(3)"));
        assertEquals(4, XlsxTableWriter.width("（）"));
    }

    @Test
    public void aLongTitleStillNamesTheSheet() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxTableWriter().write(new Table("评课统计：按教师/学科/年级/学期，2026年秋季学期全区汇总表", List.of("a"), List.of()), out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            String name = book.getSheetName(0);
            assertTrue(name, name.length() <= 31 && name.startsWith("评课统计"));
        }
    }
}
