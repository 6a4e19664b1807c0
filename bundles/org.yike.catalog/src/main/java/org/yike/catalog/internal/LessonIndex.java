package org.yike.catalog.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
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
import org.yike.api.catalog.LessonPage;
import org.yike.api.catalog.LessonQuery;

/**
 * The search index of the catalog (Lucene, under {@code <data>/catalog/index}): the words and
 * character pairs of each lesson's title, course, teacher, class, chapter names and tags, its filters,
 * who it is shared with, and its facets (Lucene's sorted-set facets). It holds ids only; the lessons
 * themselves come from the store.
 */
final class LessonIndex implements AutoCloseable {

    /** One page of ids, how many lessons match in all, and their facets. */
    record Hits(long total, List<String> ids, Map<String, List<LessonPage.Facet>> facets) {
    }

    /**
     * What a document holds, kept in each commit: an index written by an earlier format (before
     * facets, sharing and the review) is filled again from the store.
     */
    private static final String FORMAT = "3";
    /** How many values of each facet are counted, most first. */
    static final int FACET_VALUES = 50;

    private static final String ID = "id";
    private static final String WORDS = "words";
    private static final String PAIRS = "pairs";
    private static final String DAY = "day";
    private static final String WHEN = "when";
    private static final String SHARED = "shared";
    private static final FacetsConfig FACETS = new FacetsConfig();

    private final ChineseAnalyzers analyzers = new ChineseAnalyzers();
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private DefaultSortedSetDocValuesReaderState facetState;

    LessonIndex(Path folder) throws IOException {
        directory = FSDirectory.open(folder);
        writer = new IndexWriter(directory, new IndexWriterConfig(new PerFieldAnalyzerWrapper(analyzers.words,
                Map.of(PAIRS, analyzers.indexedPairs))).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        searchers = new SearcherManager(writer, null);
    }

    /** Whether what is indexed was written by an earlier format and must be put again, lesson by lesson. */
    boolean outdated() {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            for (Map.Entry<String, String> e : data) {
                if (e.getKey().equals("format")) return !e.getValue().equals(FORMAT);
            }
        }
        return true;
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
        writer.setLiveCommitData(Map.of("format", FORMAT).entrySet());
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

    private static Document document(Lesson l) throws IOException {
        Document d = new Document();
        d.add(new StringField(ID, l.id(), Field.Store.YES));
        for (String text : texts(l)) {
            d.add(new TextField(WORDS, text, Field.Store.NO));
            d.add(new TextField(PAIRS, text, Field.Store.NO));
        }
        filter(d, "room", l.room());
        filter(d, "teacher", l.teacher());
        filter(d, "course", l.course());
        filter(d, "class", l.schoolClass());
        filter(d, "state", l.state().name());
        filter(d, "review", l.review().state().name());
        l.sharedWith().forEach(user -> filter(d, SHARED, user));
        d.add(new LongPoint(DAY, l.date().toEpochDay()));
        d.add(new NumericDocValuesField(WHEN, l.started() != null ? l.started().toEpochMilli()
                : l.date().toEpochDay() * 86_400_000L));
        return FACETS.build(d);
    }

    /** What is searched of a lesson: its title, course, teacher, class, chapter names and tags. */
    static List<String> texts(Lesson l) {
        List<String> texts = new ArrayList<>(List.of(l.title()));
        Stream.of(l.course(), l.teacher(), l.schoolClass()).filter(t -> t != null).forEach(texts::add);
        l.chapters().stream().map(Chapter::title).forEach(texts::add);
        texts.addAll(l.tags());
        return texts;
    }

    /** An exact filter, and a facet where it is one. */
    private static void filter(Document d, String field, String value) {
        if (value == null || value.isEmpty()) return;
        d.add(new StringField(field, value, Field.Store.NO));
        if (LessonPage.FACETS.contains(field)) d.add(new SortedSetDocValuesFacetField(field, value));
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
        exactly(b, "review", q.review() == null ? null : q.review().name());
        if (q.reader() != null) {
            BooleanQuery.Builder theirs = new BooleanQuery.Builder();
            if (q.reader().teacher() != null) theirs.add(new TermQuery(new Term("teacher", q.reader().teacher())), Occur.SHOULD);
            if (q.reader().user() != null) theirs.add(new TermQuery(new Term(SHARED, q.reader().user())), Occur.SHOULD);
            b.add(theirs.build(), Occur.FILTER); // neither: a reader who sees nothing
        }
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
            FacetsCollectorManager.FacetsResult found = FacetsCollectorManager.search(s, query, upTo, sort, new FacetsCollectorManager());
            TopDocs top = found.topDocs();
            long total = top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value : s.count(query);
            List<String> ids = new ArrayList<>();
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = q.page() * q.size(); i < docs.length; i++) {
                ids.add(s.storedFields().document(docs[i].doc).get(ID));
            }
            return new Hits(total, ids, total == 0 ? Map.of() : facets(s, found));
        } finally {
            searchers.release(s);
        }
    }

    /** The values of each facet among all the lessons found, most first; a facet no lesson has, none. */
    private Map<String, List<LessonPage.Facet>> facets(IndexSearcher s, FacetsCollectorManager.FacetsResult found)
            throws IOException {
        Map<String, List<LessonPage.Facet>> facets = new LinkedHashMap<>();
        LessonPage.FACETS.forEach(dim -> facets.put(dim, new ArrayList<>()));
        for (FacetResult r : new SortedSetDocValuesFacetCounts(facetState(s), found.facetsCollector()).getAllDims(FACET_VALUES)) {
            for (LabelAndValue v : r.labelValues) facets.get(r.dim).add(new LessonPage.Facet(v.label, v.value.longValue()));
        }
        return facets;
    }

    /** The facets' ordinals of this searcher's reader, made once per reader (a search after a commit makes them anew). */
    private synchronized DefaultSortedSetDocValuesReaderState facetState(IndexSearcher s) throws IOException {
        if (facetState == null || facetState.reader != s.getIndexReader()) {
            facetState = new DefaultSortedSetDocValuesReaderState(s.getIndexReader(), FACETS);
        }
        return facetState;
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
