package org.yike.report.pdf.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.yike.api.report.Table;

/**
 * A table laid out on A4 pages: the title on the first, then rows in a grid, cells wrapped to their column,
 * numbers right-aligned; a row that does not fit starts a new page, under the headings again; page
 * numbers at the foot. Columns are as wide as their widest cell, the widest ones narrowed to fit the page.
 */
final class TablePages {

    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float MARGIN = 40;
    private static final float TITLE_SIZE = 16;
    private static final float SIZE = 10;
    private static final float FOOT_SIZE = 8;
    private static final float PAD = 4;
    private static final float LEADING = SIZE * 1.3f;
    /** Where rows end: above the page numbers. */
    private static final float BOTTOM = MARGIN + FOOT_SIZE * 2;
    private static final float HEADING_GREY = 0.9f;
    private static final float RULE_GREY = 0.6f;
    /** The outline a bold heading's glyphs are stroked with: the fonts have no bold face. */
    private static final float BOLD_STROKE = 0.3f;

    private final PDDocument doc;
    private final Fonts fonts;
    private PDPageContentStream page;
    private float y;

    TablePages(PDDocument doc, Fonts fonts) {
        this.doc = doc;
        this.fonts = fonts;
    }

    void draw(Table table) throws IOException {
        float[] widths = columns(table);
        try {
            newPage();
            for (String line : wrap(table.title(), A4.getWidth() - 2 * MARGIN, TITLE_SIZE)) {
                y -= TITLE_SIZE;
                text(page, line, MARGIN, y, TITLE_SIZE, true);
                y -= TITLE_SIZE * 0.4f;
            }
            y -= SIZE;
            List<Object> headings = new ArrayList<>(table.headings());
            row(headings, widths, true);
            for (List<Object> cells : table.rows()) {
                if (y - height(cells, widths) < BOTTOM) {
                    newPage();
                    row(headings, widths, true);
                }
                row(cells, widths, false);
            }
        } finally {
            if (page != null) page.close();
            page = null;
        }
        numberPages();
    }

    private void newPage() throws IOException {
        if (page != null) page.close();
        PDPage p = new PDPage(A4);
        doc.addPage(p);
        page = new PDPageContentStream(doc, p);
        y = A4.getHeight() - MARGIN;
    }

    private void row(List<Object> cells, float[] widths, boolean heading) throws IOException {
        float height = height(cells, widths);
        float top = y;
        y -= height;
        float total = (float) sum(widths);
        if (heading) {
            page.setNonStrokingColor(HEADING_GREY);
            page.addRect(MARGIN, y, total, height);
            page.fill();
            page.setNonStrokingColor(0f);
        }
        page.setStrokingColor(RULE_GREY);
        page.setLineWidth(0.5f);
        float x = MARGIN;
        for (int c = 0; c < widths.length; c++) {
            page.addRect(x, y, widths[c], height);
            x += widths[c];
        }
        page.stroke();
        x = MARGIN;
        for (int c = 0; c < widths.length; c++) {
            Object cell = cells.get(c);
            float baseline = top - PAD - SIZE;
            for (String line : wrap(Table.text(cell), widths[c] - 2 * PAD, SIZE)) {
                float at = cell instanceof Number ? x + widths[c] - PAD - fonts.width(line, SIZE) : x + PAD;
                text(page, line, at, baseline, SIZE, heading);
                baseline -= LEADING;
            }
            x += widths[c];
        }
    }

    private float height(List<Object> cells, float[] widths) throws IOException {
        int lines = 1;
        for (int c = 0; c < widths.length; c++) {
            lines = Math.max(lines, wrap(Table.text(cells.get(c)), widths[c] - 2 * PAD, SIZE).size());
        }
        return 2 * PAD + (lines - 1) * LEADING + SIZE * 1.25f;
    }

    private void text(PDPageContentStream out, String line, float x, float baseline, float size, boolean bold) throws IOException {
        out.beginText();
        out.setRenderingMode(bold ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
        if (bold) {
            out.setStrokingColor(0f);
            out.setLineWidth(BOLD_STROKE);
        }
        out.newLineAtOffset(x, baseline);
        for (Fonts.Run run : fonts.runs(line)) {
            out.setFont(run.font(), size);
            out.showText(run.text());
        }
        out.endText();
    }

    /**
     * The column widths: each as wide as its widest cell; where they do not fit the page, the columns
     * narrower than an equal share keep their width and the others share what is left equally.
     */
    private float[] columns(Table table) throws IOException {
        int n = table.headings().size();
        float[] natural = new float[n];
        for (int c = 0; c < n; c++) {
            natural[c] = fonts.width(table.headings().get(c), SIZE);
            for (List<Object> row : table.rows()) natural[c] = Math.max(natural[c], fonts.width(Table.text(row.get(c)), SIZE));
            // room for at least one Chinese character, so that wrapping always moves on; a point more, so
            // that the widest cell, measured again character by character, is not wrapped by rounding
            natural[c] = Math.max(natural[c], SIZE) + 2 * PAD + 1;
        }
        float room = A4.getWidth() - 2 * MARGIN;
        if (sum(natural) <= room) return natural;
        float[] widths = new float[n];
        boolean[] open = new boolean[n];
        Arrays.fill(open, true);
        int left = n;
        while (left > 0) {
            float share = room / left;
            boolean kept = false;
            for (int c = 0; c < n; c++) {
                if (open[c] && natural[c] <= share) {
                    widths[c] = natural[c];
                    room -= natural[c];
                    open[c] = false;
                    left--;
                    kept = true;
                }
            }
            if (!kept) {
                for (int c = 0; c < n; c++) if (open[c]) widths[c] = share;
                break;
            }
        }
        return widths;
    }

    /** The text in lines no wider than {@code width}: broken after a space where there is one, else between any two characters. */
    private List<String> wrap(String text, float width, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int space = -1;
        float used = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            float w = fonts.width(text.substring(i, next), size);
            if (used + w > width && i > start) {
                int end = space > start ? space + 1 : i;
                lines.add(text.substring(start, end).strip());
                start = end;
                used = fonts.width(text.substring(start, i), size);
                space = -1;
            }
            if (c == ' ') space = i;
            used += w;
            i = next;
        }
        lines.add(text.substring(start).strip());
        return lines;
    }

    private void numberPages() throws IOException {
        int count = doc.getNumberOfPages();
        for (int i = 0; i < count; i++) {
            try (PDPageContentStream foot = new PDPageContentStream(doc, doc.getPage(i), PDPageContentStream.AppendMode.APPEND, true)) {
                String number = (i + 1) + " / " + count;
                text(foot, number, (A4.getWidth() - fonts.width(number, FOOT_SIZE)) / 2, MARGIN, FOOT_SIZE, false);
            }
        }
    }

    private static double sum(float[] values) {
        double sum = 0;
        for (float v : values) sum += v;
        return sum;
    }
}
