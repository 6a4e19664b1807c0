package org.yike.report.pdf.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The two fonts a document's text is set in, both embedded as subsets (only the glyphs used): DejaVu Sans
 * for Latin letters, digits and punctuation, and Droid Sans Fallback for Chinese, which has no Latin glyphs
 * of its own. Each character goes to the first that has it; one neither has shows as {@code ?}.
 */
final class Fonts implements Closeable {

    /** Text set in one font. */
    record Run(PDFont font, String text) {
    }

    private final TrueTypeFont latinFile;
    private final TrueTypeFont cjkFile;
    private final CmapLookup latinGlyphs;
    private final CmapLookup cjkGlyphs;
    private final PDFont latin;
    private final PDFont cjk;

    private Fonts(PDDocument doc, TrueTypeFont latinFile, TrueTypeFont cjkFile) throws IOException {
        this.latinFile = latinFile;
        this.cjkFile = cjkFile;
        latinGlyphs = latinFile.getUnicodeCmapLookup();
        cjkGlyphs = cjkFile.getUnicodeCmapLookup();
        latin = PDType0Font.load(doc, latinFile, true);
        cjk = PDType0Font.load(doc, cjkFile, true);
    }

    /** The fonts for {@code doc}; closed once it is saved (subsetting reads them as it saves). */
    static Fonts load(PDDocument doc) throws IOException {
        TrueTypeFont latin = parse("fonts/DejaVuSans.ttf");
        try {
            TrueTypeFont cjk = parse("fonts/DroidSansFallbackFull.ttf");
            try {
                return new Fonts(doc, latin, cjk);
            } catch (IOException | RuntimeException e) {
                cjk.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            latin.close();
            throw e;
        }
    }

    private static TrueTypeFont parse(String resource) throws IOException {
        try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IOException("the font " + resource + " is missing from this bundle");
            return new TTFParser().parse(new RandomAccessReadBuffer(in));
        }
    }

    /** The text in runs of one font each; control characters become spaces. */
    List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        PDFont current = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isISOControl(c)) c = ' ';
            PDFont font = latinGlyphs.getGlyphId(c) > 0 || c == ' ' ? latin : cjkGlyphs.getGlyphId(c) > 0 ? cjk : null;
            if (font == null) {
                font = latin;
                c = '?';
            }
            if (font != current && run.length() > 0) {
                runs.add(new Run(current, run.toString()));
                run.setLength(0);
            }
            current = font;
            run.appendCodePoint(c);
        }
        if (run.length() > 0) runs.add(new Run(current, run.toString()));
        return runs;
    }

    /** How wide the text is set at {@code size} points. */
    float width(String text, float size) throws IOException {
        float width = 0;
        for (Run r : runs(text)) width += r.font().getStringWidth(r.text()) / 1000 * size;
        return width;
    }

    @Override
    public void close() throws IOException {
        try {
            latinFile.close();
        } finally {
            cjkFile.close();
        }
    }
}
