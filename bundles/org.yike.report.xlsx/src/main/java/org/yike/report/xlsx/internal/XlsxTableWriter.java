package org.yike.report.xlsx.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.osgi.service.component.annotations.Component;
import org.yike.api.report.Table;
import org.yike.api.report.TableWriter;

/**
 * Tables as Excel workbooks (Apache POI): one sheet named after the title, the headings bold and kept in
 * view, numbers as numeric cells (whole ones without decimals, others with two), columns as wide as their
 * widest text with Chinese characters counted double, as Excel draws them.
 */
@Component(property = TableWriter.FORMAT + "=xlsx")
public class XlsxTableWriter implements TableWriter {

    /** Excel's widest column, in characters. */
    private static final int WIDEST = 255;

    @Override
    public String mediaType() {
        return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    }

    @Override
    public String extension() {
        return "xlsx";
    }

    @Override
    public void write(Table table, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            book.getProperties().getCoreProperties().setTitle(table.title());
            XSSFSheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
            Font bold = book.createFont();
            bold.setBold(true);
            CellStyle heading = book.createCellStyle();
            heading.setFont(bold);
            CellStyle whole = book.createCellStyle();
            whole.setDataFormat(book.createDataFormat().getFormat("0"));
            CellStyle decimal = book.createCellStyle();
            decimal.setDataFormat(book.createDataFormat().getFormat("0.00"));

            int[] widths = new int[table.headings().size()];
            Row top = sheet.createRow(0);
            for (int c = 0; c < widths.length; c++) {
                Cell cell = top.createCell(c);
                cell.setCellValue(table.headings().get(c));
                cell.setCellStyle(heading);
                widths[c] = width(table.headings().get(c));
            }
            List<List<Object>> rows = table.rows();
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < widths.length; c++) {
                    Object value = rows.get(r).get(c);
                    Cell cell = row.createCell(c);
                    if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                        cell.setCellStyle(Table.whole(n) ? whole : decimal);
                    } else if (value != null) {
                        cell.setCellValue(value.toString());
                    }
                    widths[c] = Math.max(widths[c], width(Table.text(value)));
                }
            }
            for (int c = 0; c < widths.length; c++) {
                // a character's width is 256 units; two characters' room for the cell's padding
                sheet.setColumnWidth(c, Math.min(WIDEST, widths[c] + 2) * 256);
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
        }
    }

    /** How many of Excel's character widths the text takes: East Asian wide characters (汉字, full-width forms) take two. */
    static int width(String text) {
        return text.codePoints().map(c -> wide(c) ? 2 : 1).sum();
    }

    private static boolean wide(int c) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS && c < 0xff61
                || block == Character.UnicodeBlock.HIRAGANA || block == Character.UnicodeBlock.KATAKANA
                || block == Character.UnicodeBlock.HANGUL_SYLLABLES;
    }
}
