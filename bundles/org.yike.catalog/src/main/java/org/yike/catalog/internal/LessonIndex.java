package org.yike.catalog.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.FSDirectory;
import org.yike.api.catalog.Chapter;
import org.yike.api.catalog.Lesson;
import org.yike.api.catalog.LessonQuery;

/**
 * The search index of the catalog (Lucene, under {@code <data>/catalog/index}): the words and
 * character pairs of each lesson's title, course, teacher, class, chapter names and tags, and its filters.
 * It holds ids only; the lessons themselves come from the store.
 */
final class LessonIndex implements AutoCloseable {

    /** One page of ids and how many lessons match in all. */
    record Hits(long total, List<String> ids) {
    }

    private static final String ID = "id";
    private static final String WORDS = "words";
    private static final String PAIRS = "pairs";
    private static final String DAY = "day";
    private static final String WHEN = "when";

    private final ChineseAnalyzers analyzers = new ChineseAnalyzers();
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    LessonIndex(Path folder) throws IOException {
        directory = FSDirectory.open(folder);
        writer = new IndexWriter(directory, new IndexWriterConfig(new PerFieldAnalyzerWrapper(analyzers.words,
                Map.of(PAIRS, analyzers.indexedPairs))).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        searchers = new SearcherManager(writer, null);
    }

    void put(Lesson l) throws IOException {
        writer.updateDocument(new Term(ID, l.id()), document(l));
    }

    void delete(String id) throws IOException {
        writer.deleteDocuments(new Term(ID, id));
    }

    void clear() throws IOException {
        writer.deleteAll();
    }

    /** Makes the changes so far durable and visible to searches. */
    void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    long count() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            searchers.release(s);
        }
    }

    private static Document document(Lesson l) {
        Document d = new Document();
        d.add(new StringField(ID, l.id(), Field.Store.YES));
        List<String> texts = new ArrayList<>(List.of(l.title()));
        Stream.of(l.course(), l.teacher(), l.schoolClass()).filter(t -> t != null).forEach(texts::add);
        l.chapters().stream().map(Chapter::title).forEach(texts::add);
        texts.addAll(l.tags());
        for (String text : texts) {
            d.add(new TextField(WORDS, text, Field.Store.NO));
            d.add(new TextField(PAIRS, text, Field.Store.NO));
        }
        filter(d, "room", l.room());
        filter(d, "teacher", l.teacher());
        filter(d, "course", l.course());
        filter(d, "class", l.schoolClass());
        filter(d, "state", l.state().name());
        d.add(new LongPoint(DAY, l.date().toEpochDay()));
        d.add(new NumericDocValuesField(WHEN, l.started() != null ? l.started().toEpochMilli()
                : l.date().toEpochDay() * 86_400_000L));
        return d;
    }

    private static void filter(Document d, String field, String value) {
        if (value != null) d.add(new StringField(field, value, Field.Store.NO));
    }

    Hits find(LessonQuery q) throws IOException {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean words = false;
        if (q.q() != null) {
            for (String part : q.q().strip().split("\\s+")) {
                Query match = match(part);
                if (match != null) {
                    b.add(match, Occur.MUST);
                    words = true;
                }
            }
        }
        if (!words) b.add(new MatchAllDocsQuery(), Occur.MUST);
        exactly(b, "room", q.room());
        exactly(b, "teacher", q.teacher());
        exactly(b, "course", q.course());
        exactly(b, "class", q.schoolClass());
        exactly(b, "state", q.state() == null ? null : q.state().name());
        if (q.from() != null || q.to() != null) {
            b.add(LongPoint.newRangeQuery(DAY, q.from() == null ? Long.MIN_VALUE : q.from().toEpochDay(),
                    q.to() == null ? Long.MAX_VALUE : q.to().toEpochDay()), Occur.FILTER);
        }
        Query query = b.build();
        SortField newest = new SortField(WHEN, SortField.Type.LONG, true);
        Sort sort = words ? new Sort(SortField.FIELD_SCORE, newest) : new Sort(newest);
        IndexSearcher s = searchers.acquire();
        try {
            int upTo = Math.multiplyExact(q.page() + 1, q.size());
            TopDocs top = s.search(query, upTo, sort);
            long total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value : s.count(query);
            List<String> ids = new ArrayList<>();
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = q.page() * q.size(); i < docs.length; i++) {
                ids.add(s.storedFields().document(docs[i].doc).get(ID));
            }
            return new Hits(total, ids);
        } finally {
            searchers.release(s);
        }
    }

    /**
     * A part of the words asked: all its segmenter words, or its character pairs in a row. Null when
     * it has neither (punctuation alone).
     */
    private Query match(String part) {
        List<ChineseAnalyzers.Token> w = ChineseAnalyzers.tokens(analyzers.words, part);
        List<ChineseAnalyzers.Token> p = ChineseAnalyzers.tokens(analyzers.askedPairs, part);
        if (w.isEmpty() && p.isEmpty()) return null;
        BooleanQuery.Builder either = new BooleanQuery.Builder();
        if (!w.isEmpty()) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            w.forEach(t -> all.add(new TermQuery(new Term(WORDS, t.text())), Occur.MUST));
            either.add(all.build(), Occur.SHOULD);
        }
        if (!p.isEmpty()) {
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            p.forEach(t -> phrase.add(new Term(PAIRS, t.text()), t.position()));
            either.add(phrase.build(), Occur.SHOULD);
        }
        return either.build();
    }

    private static void exactly(BooleanQuery.Builder b, String field, String value) {
        if (value != null && !value.isBlank()) b.add(new TermQuery(new Term(field, value)), Occur.FILTER);
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
