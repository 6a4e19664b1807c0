package org.yike.catalog.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Chinese text two ways: the smartcn segmenter's words ({@code 数学}, {@code 勾股定理}), and
 * characters in pairs ({@code 勾股 股定 定理}, with single characters too), so a word the segmenter
 * keeps whole is still found by a part of it ({@code 定理} in {@code 勾股定理}).
 */
final class ChineseAnalyzers {

    /** Between two texts of one lesson (title, course, chapters…), so a phrase never spans two of them. */
    private static final int GAP = 100;

    /** Words are asked all together, in any order and place: no gap needed between texts. */
    final Analyzer words = new SmartChineseAnalyzer();

    /** Indexing: each character and each pair of neighbours, the pair at its first character's position. */
    final Analyzer indexedPairs = pairs(true);

    /** Asking: the pairs alone (a lone character as itself), matched as a phrase against {@link #indexedPairs}. */
    final Analyzer askedPairs = pairs(false);

    private static Analyzer pairs(boolean withSingles) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream t = new CJKBigramFilter(new LowerCaseFilter(new CJKWidthFilter(source)),
                        CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA | CJKBigramFilter.HANGUL,
                        withSingles);
                return new TokenStreamComponents(source, t);
            }

            @Override
            public int getPositionIncrementGap(String field) {
                return GAP;
            }
        };
    }

    /** A token and its position. */
    record Token(String text, int position) {
    }

    static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("", new StringReader(text))) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                tokens.add(new Token(term.toString(), position));
            }
            ts.end();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read words from a string: " + e.getMessage(), e);
        }
        return tokens;
    }
}
