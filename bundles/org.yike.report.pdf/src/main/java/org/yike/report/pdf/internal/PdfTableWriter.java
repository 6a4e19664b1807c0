package org.yike.report.pdf.internal;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.osgi.service.component.annotations.Component;
import org.yike.api.report.Table;
import org.yike.api.report.TableWriter;

/** Tables as PDF (Apache PDFBox): A4 pages, the title, the table with its headings again on every page. */
@Component(property = TableWriter.FORMAT + "=pdf")
public class PdfTableWriter implements TableWriter {

    @Override
    public String mediaType() {
        return "application/pdf";
    }

    @Override
    public String extension() {
        return "pdf";
    }

    @Override
    public void write(Table table, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument(); Fonts fonts = Fonts.load(doc)) {
            doc.getDocumentInformation().setTitle(table.title());
            new TablePages(doc, fonts).draw(table);
            doc.save(out);
        }
    }
}
