package org.yike.catalog.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.catalog.Catalog;
import org.yike.api.catalog.CatalogEvents;
import org.yike.api.catalog.Lesson;
import org.yike.api.catalog.LessonEdit;
import org.yike.api.catalog.LessonFile;
import org.yike.api.catalog.LessonPage;
import org.yike.api.catalog.LessonQuery;
import org.yike.api.catalog.LessonReview;
import org.yike.api.catalog.LessonState;
import org.yike.api.publish.PublishEvents;
import org.yike.api.recording.RecordingEvents;
import org.yike.api.recording.RecordingService;
import org.yike.api.timetable.Session;
import org.yike.api.timetable.Timetable;
import org.yike.settings.FrameworkSettings;

/**
 * The catalog: follows the recording service's events, reads each lesson's {@code lesson.json} into
 * the store and the search index, and rebuilds both from the data folder when asked or when it
 * starts empty. On a start with a catalog it reads again only the lessons whose metadata changed
 * while it was away. Lessons still recording are read again every check, in case an event was missed
 * (a lesson recovered after a crash is finished without one).
 *
 * <p>The timetable's sessions to record, from now to {@code scheduledDays} ahead, are scheduled lessons
 * (their id the session's, which the recording of the session takes): kept from the timetable alone,
 * with no folder, read again when its revision or the day changes or one of them ends, and replaced by
 * the recorded lesson when the session records.
 */
@Component(service = {Catalog.class, EventHandler.class}, configurationPid = "org.yike.catalog", property = {
        EventConstants.EVENT_TOPIC + "=" + RecordingEvents.STARTED,
        EventConstants.EVENT_TOPIC + "=" + RecordingEvents.STOPPED,
        EventConstants.EVENT_TOPIC + "=" + RecordingEvents.FAILED,
        EventConstants.EVENT_TOPIC + "=" + PublishEvents.DONE})
@Designate(ocd = CatalogConfig.class)
public class LessonCatalog implements Catalog, EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LessonCatalog.class);
    private static final int BATCH = 500;
    /** How often the timetable's revision is looked at: a number in memory, so often. */
    private static final int SCHEDULE_CHECK_SECONDS = 10;

    private final Path recordings;
    private final String school;
    private final Clock clock;
    private final ZoneId zone;
    private final Consumer<Event> post;
    private final CatalogStore store;
    private final LessonIndex index;
    private final int scheduledDays;
    private volatile Timetable timetable;
    /** The recorder, whose least free space retention keeps more than; none while its bundle is away. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RecordingService recording;
    /** What the scheduled lessons were made from: the timetable's revision, the day, and when the first of them ends. */
    private long scheduledRevision = -1;
    private LocalDate scheduledDay;
    private Instant firstEnd;
    /** Set once the component stops: a load or an event cut off by it is no failure. */
    private volatile boolean stopping;
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "yike-catalog");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public LessonCatalog(BundleContext context, CatalogConfig config, @Reference EventAdmin events,
            @Reference(target = "(yike.database=catalog)") DataSource database) throws IOException, SQLException {
        this(FrameworkSettings.of(context).dataFolder(), database, config.school(),
                Clock.system(FrameworkSettings.of(context).timeZone()), config.scheduledDays(), events::postEvent);
        background.execute(this::load);
        background.scheduleWithFixedDelay(this::scheduleSafely, SCHEDULE_CHECK_SECONDS, SCHEDULE_CHECK_SECONDS, TimeUnit.SECONDS);
        if (config.retention()) {
            // without a recorder nothing fills the disk, and its least is not known: nothing is deleted
            Retention retention = retention(this::freeBytes, () -> {
                RecordingService r = recording;
                return r == null ? 0 : r.minFreeBytes() + (config.retentionMarginMegabytes() << 20);
            }, keepDays(config.keepDays()));
            background.scheduleWithFixedDelay(() -> {
                try {
                    retention.run();
                    refresh(store.inState(LessonState.RECORDING));
                } catch (Exception e) {
                    LOG.error("Retention check failed", e);
                }
            }, config.retentionCheckSeconds(), config.retentionCheckSeconds(), TimeUnit.SECONDS);
        }
    }

    /**
     * A catalog of the lessons under {@code <data>/recordings}, kept in {@code database} and its index in
     * {@code <data>/catalog}, with the timetable's sessions of the next {@code scheduledDays} as of
     * {@code clock}, whose zone dates the lessons.
     */
    LessonCatalog(Path data, DataSource database, String school, Clock clock, int scheduledDays, Consumer<Event> post)
            throws IOException, SQLException {
        this.recordings = data.resolve("recordings");
        this.scheduledDays = scheduledDays;
        this.school = school == null || school.isBlank() ? null : school.strip();
        this.clock = clock;
        this.zone = clock.getZone();
        this.post = post;
        Path home = data.resolve("catalog");
        Files.createDirectories(home);
        store = new CatalogStore(database);
        try {
            index = new LessonIndex(home.resolve("index"));
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** An empty catalog is rebuilt; otherwise lessons changed while the catalog was away are read again. */
    synchronized void load() {
        try {
            if (store.count() == 0) {
                int n = rebuild();
                if (n > 0) LOG.info("Catalog rebuilt from {}: {} lessons", recordings, n);
            } else {
                if (index.outdated()) reindex();
                sync();
            }
        } catch (SQLException | IOException | RuntimeException e) {
            if (stopping) LOG.info("Catalog load stopped with the runtime; the next start goes on with it");
            else LOG.error("Cannot load the catalog from {}", recordings, e);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setTimetable(Timetable t) {
        timetable = t;
        scheduleSoon();
    }

    void unsetTimetable(Timetable t) {
        if (timetable == t) timetable = null;
        scheduleSoon();
    }

    private void scheduleSoon() {
        try {
            background.execute(this::scheduleSafely);
        } catch (RejectedExecutionException stopping) {
            // the catalog is going away
        }
    }

    private void scheduleSafely() {
        try {
            schedule(timetable, clock.instant());
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.warn("Cannot catalog the timetable's scheduled lessons", e);
        }
    }

    /**
     * Makes the scheduled lessons those {@code t} (none when null) has to record from {@code now} to the
     * horizon, unless nothing they come from changed. A session that recorded keeps its recorded lesson.
     */
    synchronized void schedule(Timetable t, Instant now) throws IOException, SQLException {
        LocalDate today = LocalDate.ofInstant(now, zone);
        long revision = t == null ? -1 : t.revision();
        if (revision == scheduledRevision && today.equals(scheduledDay) && (firstEnd == null || now.isBefore(firstEnd))) return;
        List<Session> upcoming = t == null || scheduledDays == 0 ? List.of()
                : t.sessions(today, today.plusDays(scheduledDays), null).stream()
                        .filter(s -> s.record() && s.end().toInstant().isAfter(now)).toList();
        Map<String, Lesson> scheduled = store.scheduled();
        Set<String> recorded = store.seen().keySet();
        List<CatalogStore.Entry> changed = new ArrayList<>();
        Instant first = null;
        for (Session s : upcoming) {
            if (recorded.contains(s.id())) continue;
            Lesson l = scheduled(s);
            if (!l.equals(scheduled.remove(s.id()))) changed.add(new CatalogStore.Entry(l, null, 0));
            if (first == null || l.ended().isBefore(first)) first = l.ended();
        }
        add(changed);
        for (String gone : scheduled.keySet()) {
            store.delete(gone);
            index.delete(gone);
        }
        index.commit();
        scheduledRevision = revision;
        scheduledDay = today;
        firstEnd = first;
    }

    private Lesson scheduled(Session s) {
        Integer period = s.period() > 0 ? s.period() : null;
        return new Lesson(s.id(), school, s.room(), s.teacher(), s.course(), s.schoolClass(), s.date(), period,
                Lesson.defaultTitle(s.course(), s.schoolClass(), s.teacher(), s.date(), period), LessonState.SCHEDULED,
                s.start().toInstant(), s.end().toInstant(), null, 0, List.of(), List.of(), List.of(), false, false);
    }

    @Deactivate
    void deactivate() {
        stopping = true;
        background.shutdownNow();
        try {
            background.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    synchronized void close() {
        try {
            index.close();
        } catch (IOException e) {
            LOG.warn("Closing the search index failed", e);
        }
        store.close();
    }

    @Override
    public void handleEvent(Event event) {
        boolean published = event.getTopic().equals(PublishEvents.DONE);
        Object id = event.getProperty(published ? PublishEvents.RECORDING : RecordingEvents.ID);
        if (!(id instanceof String lesson) || stopping) return; // a lesson ending with the runtime: the next start's sync reads it
        try {
            if (published) {
                Optional<LessonFolder> f = locate(lesson);
                if (f.isPresent()) f.get().published();
            }
            refresh(List.of(lesson));
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.warn("Cannot catalog lesson {} after {}", lesson, event.getTopic(), e);
        }
    }

    /** Reads these lessons' metadata again; one whose folder has gone leaves the catalog. */
    synchronized void refresh(List<String> ids) throws IOException, SQLException {
        if (ids.isEmpty()) return;
        for (String id : ids) {
            Optional<LessonFolder> f = locate(id);
            if (f.isPresent()) {
                Lesson l = f.get().read(school, zone);
                if (l.state() != LessonState.RECORDING && l.state() != LessonState.SCHEDULED) {
                    Optional<CatalogStore.ReviewRequest> asked = store.takeReviewRequest(id);
                    if (asked.isPresent()) {
                        f.get().review(new LessonReview(LessonReview.State.PENDING, null, asked.get().by(), asked.get().at()));
                        l = f.get().read(school, zone);
                    }
                }
                store.put(l, f.get().folder, f.get().modified());
                index.put(l);
            } else {
                store.delete(id);
                index.delete(id);
            }
        }
        index.commit();
    }

    /** The lesson's folder: where the catalog has it, else {@code recordings/<room>/<id>} for any room. */
    private Optional<LessonFolder> locate(String id) throws IOException, SQLException {
        Optional<Path> known = store.folder(id);
        if (known.isPresent() && Files.isRegularFile(known.get().resolve(LessonFolder.METADATA))) {
            return Optional.of(new LessonFolder(known.get()));
        }
        if (!Files.isDirectory(recordings) || id.contains("/") || id.contains("\\") || id.startsWith(".")) return Optional.empty();
        try (DirectoryStream<Path> rooms = Files.newDirectoryStream(recordings, Files::isDirectory)) {
            for (Path room : rooms) {
                if (Files.isRegularFile(room.resolve(id).resolve(LessonFolder.METADATA))) {
                    return Optional.of(new LessonFolder(room.resolve(id)));
                }
            }
        }
        return Optional.empty();
    }

    /** Every lesson folder under the recordings: {@code <room>/<id>/lesson.json}. */
    private List<Path> folders() throws IOException {
        if (!Files.isDirectory(recordings)) return List.of();
        try (Stream<Path> files = Files.find(recordings, 3, (p, a) -> a.isRegularFile()
                && p.getFileName().toString().equals(LessonFolder.METADATA))) {
            return files.map(Path::getParent).sorted().toList();
        }
    }

    @Override
    public synchronized int rebuild() {
        try {
            store.clear();
            index.clear();
            List<CatalogStore.Entry> batch = new ArrayList<>();
            int n = 0;
            for (Path folder : folders()) {
                CatalogStore.Entry e = read(new LessonFolder(folder));
                if (e == null) continue;
                batch.add(e);
                n++;
                if (batch.size() == BATCH) {
                    add(batch);
                    batch.clear();
                }
            }
            add(batch);
            index.commit();
            scheduledRevision = -1;
            schedule(timetable, clock.instant());
            return n;
        } catch (IOException e) {
            throw failed("rebuild the catalog from " + recordings, e);
        } catch (SQLException e) {
            throw failed("rebuild the catalog", e);
        }
    }

    /** Puts these lessons into the store and the index; visible to searches from the next {@link LessonIndex#commit()}. */
    synchronized void add(List<CatalogStore.Entry> entries) throws IOException, SQLException {
        store.putAll(entries);
        for (CatalogStore.Entry e : entries) index.put(e.lesson());
    }

    /** Makes what was added visible to searches. */
    synchronized void commit() throws IOException {
        index.commit();
    }

    /** Indexes every lesson of the store again (an index of an earlier format). */
    private void reindex() throws IOException, SQLException {
        index.clear();
        int[] n = {0};
        store.forEach(l -> {
            try {
                index.put(l);
                n[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        index.commit();
        LOG.info("Catalog index written again in its current format: {} lessons", n[0]);
    }

    /** Reads lessons whose metadata is new or changed since the catalog read it, and forgets those gone. */
    private void sync() throws IOException, SQLException {
        Map<Path, String> known = new HashMap<>();
        Map<String, CatalogStore.Seen> seen = store.seen();
        seen.forEach((id, s) -> known.put(s.folder(), id));
        List<CatalogStore.Entry> changed = new ArrayList<>();
        for (Path folder : folders()) {
            String id = known.remove(folder);
            LessonFolder f = new LessonFolder(folder);
            if (id != null && seen.get(id).modified() == f.modified()) continue;
            CatalogStore.Entry e = read(f);
            if (e != null) changed.add(e);
        }
        add(changed);
        for (String gone : known.values()) {
            store.delete(gone);
            index.delete(gone);
        }
        index.commit();
        if (!changed.isEmpty() || !known.isEmpty()) {
            LOG.info("Catalog: {} lessons read again, {} gone", changed.size(), known.size());
        }
    }

    /** The lesson in a folder, or null (with a warning) where its metadata cannot be read. */
    private CatalogStore.Entry read(LessonFolder f) {
        try {
            return new CatalogStore.Entry(f.read(school, zone), f.folder, f.modified());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Skipping lesson {}", f.metadata(), e);
            return null;
        }
    }

    @Override
    public LessonPage find(LessonQuery query) {
        try {
            // PostgreSQL's full text where the database is PostgreSQL (a district's many schools), else Lucene
            LessonIndex.Hits hits = store.find(query).orElse(null);
            if (hits == null) hits = index.find(query);
            return new LessonPage(hits.total(), store.get(hits.ids()), hits.facets());
        } catch (IOException e) {
            throw failed("search the catalog", e);
        } catch (SQLException e) {
            throw failed("read the catalog", e);
        }
    }

    @Override
    public Optional<Lesson> get(String id) {
        return stored(() -> store.get(id));
    }

    private Lesson existing(String id) {
        return get(id).orElseThrow(() -> new IllegalArgumentException("no lesson " + id));
    }

    /** A scheduled lesson is the timetable's: it has no lesson.json to change or folder to delete. */
    private void recordedOnly(Lesson l, String instead) {
        if (l.state() == LessonState.SCHEDULED && folder(l.id()).isEmpty()) {
            throw new IllegalStateException("lesson " + l.id() + " is not recorded yet; " + instead);
        }
    }

    @Override
    public boolean viewed(String id, String view, String viewer) {
        if (view == null || view.isBlank() || view.length() > 100) {
            throw new IllegalArgumentException("a view needs its player's id, of 1 to 100 characters");
        }
        recordedOnly(existing(id), "it has nothing to play yet");
        try {
            boolean counted = store.view(id, view.strip(), viewer, clock.instant());
            if (counted) {
                Map<String, Object> p = new HashMap<>();
                p.put(CatalogEvents.ID, id);
                if (viewer != null) p.put(CatalogEvents.VIEWER, viewer);
                post.accept(new Event(CatalogEvents.VIEWED, p));
            }
            return counted;
        } catch (SQLException e) {
            throw failed("count a view of lesson " + id, e);
        }
    }

    @Override
    public Map<String, Long> views(LocalDate from, LocalDate to) {
        return stored(() -> store.views(from, to));
    }

    @Override
    public synchronized Lesson edit(String id, LessonEdit edit) {
        recordedOnly(existing(id), "change it once it has recorded");
        try {
            LessonFolder f = locate(id).orElseThrow(() -> new IllegalArgumentException("lesson " + id + " has no folder"));
            f.edit(edit);
            refresh(List.of(id));
            return existing(id);
        } catch (IOException | SQLException e) {
            throw failed("change lesson " + id, e);
        }
    }

    @Override
    public synchronized Lesson requestReview(String id, String by) {
        Lesson l = existing(id);
        recordedOnly(l, "ask for its review once it records");
        LessonReview.State now = l.review().state();
        if (now == LessonReview.State.PENDING || now == LessonReview.State.PUBLISHED) {
            throw new IllegalStateException("lesson " + id + " is " + now.name().toLowerCase(Locale.ROOT) + " already");
        }
        if (l.state() == LessonState.RECORDING) {
            // its lesson.json is the recorder's until it ends: the request waits in the database
            try {
                store.requestReview(id, new CatalogStore.ReviewRequest(by, clock.instant()));
            } catch (SQLException e) {
                throw failed("keep the review request of lesson " + id, e);
            }
            announce(id, LessonReview.State.PENDING, null);
            return l;
        }
        return reviewed(id, new LessonReview(LessonReview.State.PENDING, null, by, clock.instant()));
    }

    @Override
    public synchronized Lesson review(String id, boolean publish, String reason, String by) {
        Lesson l = existing(id);
        if (l.review().state() != LessonReview.State.PENDING) {
            throw new IllegalStateException("lesson " + id + " is not waiting for review (it is "
                    + l.review().state().name().toLowerCase(Locale.ROOT) + ")");
        }
        if (!publish && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a rejection says why, for the teacher");
        }
        return reviewed(id, new LessonReview(publish ? LessonReview.State.PUBLISHED : LessonReview.State.REJECTED,
                publish ? null : reason.strip(), by, clock.instant()));
    }

    private Lesson reviewed(String id, LessonReview review) {
        try {
            LessonFolder f = locate(id).orElseThrow(() -> new IllegalArgumentException("lesson " + id + " has no folder"));
            f.review(review);
            refresh(List.of(id));
        } catch (IOException | SQLException e) {
            throw failed("review lesson " + id, e);
        }
        announce(id, review.state(), review.reason());
        return existing(id);
    }

    private void announce(String id, LessonReview.State state, String reason) {
        Map<String, Object> p = new HashMap<>();
        p.put(CatalogEvents.ID, id);
        p.put(CatalogEvents.STATE, state.name());
        if (reason != null) p.put(CatalogEvents.REASON, reason);
        post.accept(new Event(CatalogEvents.REVIEWED, p));
    }

    @Override
    public void delete(String id, String why) {
        delete(id, why, -1);
    }

    private synchronized void delete(String id, String why, long freeBytes) {
        Lesson l = existing(id);
        if (l.state() == LessonState.RECORDING) throw new IllegalStateException("lesson " + id + " is recording; stop it first");
        recordedOnly(l, "take it off the timetable instead");
        try {
            Optional<Path> folder = store.folder(id);
            if (folder.isPresent()) LessonFolder.deleteTree(folder.get());
            store.delete(id);
            index.delete(id);
            index.commit();
        } catch (IOException | SQLException e) {
            throw failed("delete lesson " + id, e);
        }
        LOG.warn("Deleted lesson {} ({}, {} MB): {}", id, l.title(), l.sizeBytes() >> 20, why);
        Map<String, Object> p = new HashMap<>();
        p.put(CatalogEvents.ID, id);
        p.put(CatalogEvents.REASON, why);
        if (freeBytes >= 0) p.put(CatalogEvents.FREE_BYTES, freeBytes);
        post.accept(new Event(CatalogEvents.DELETED, p));
    }

    @Override
    public Optional<Path> file(String id, String name) {
        Optional<Lesson> l = get(id);
        if (l.isEmpty() || l.get().files().stream().map(LessonFile::name).noneMatch(name::equals)) return Optional.empty();
        return folder(id).map(f -> f.resolve(name)).filter(Files::isRegularFile);
    }

    @Override
    public Optional<Path> folder(String id) {
        return stored(() -> store.folder(id));
    }

    /** A read of the catalog's database, which fails only as the database does. */
    private interface StoreRead<T> {
        T read() throws SQLException;
    }

    private static <T> T stored(StoreRead<T> r) {
        try {
            return r.read();
        } catch (SQLException e) {
            throw failed("read the catalog", e);
        }
    }

    /** What the callers of the catalog get for a failure of its files or store: {@code cannot <doing>: why}. */
    private static RuntimeException failed(String doing, Exception e) {
        String message = "cannot " + doing + ": " + e.getMessage();
        return e instanceof IOException io ? new UncheckedIOException(message, io) : new IllegalStateException(message, e);
    }

    /** Retention checks by this: usable space where the lessons are. */
    private long freeBytes() {
        try {
            Files.createDirectories(recordings);
            return Files.getFileStore(recordings).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The configured days by category; none (every lesson kept until space runs low) where they are wrong. */
    private static KeepDays keepDays(String[] entries) {
        try {
            return KeepDays.parse(entries);
        } catch (IllegalArgumentException e) {
            LOG.error("Retention by category is off until its days are set right: {}", e.getMessage());
            return KeepDays.FOREVER;
        }
    }

    /** Retention of this catalog, measuring free space and the threshold by these, keeping each category its days. */
    Retention retention(LongSupplier freeBytes, LongSupplier thresholdBytes, KeepDays keep) {
        return new Retention(new Retention.Lessons() {
            @Override
            public List<String> oldestDeletable(int n) throws SQLException {
                return store.oldestDeletable(n);
            }

            @Override
            public List<Retention.Ended> deletableEndedBefore(Instant before) throws SQLException {
                return store.deletableEndedBefore(before);
            }

            @Override
            public void delete(String id, String why, long free) {
                LessonCatalog.this.delete(id, why, free);
            }
        }, freeBytes, thresholdBytes, keep, clock);
    }
}
