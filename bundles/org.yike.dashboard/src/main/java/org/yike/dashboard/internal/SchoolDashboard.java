package org.yike.dashboard.internal;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.catalog.Catalog;
import org.yike.api.catalog.Lesson;
import org.yike.api.catalog.LessonPage;
import org.yike.api.catalog.LessonQuery;
import org.yike.api.dashboard.Dashboard;
import org.yike.api.dashboard.Figures;
import org.yike.api.device.Device;
import org.yike.api.device.DeviceStatus;
import org.yike.api.evaluation.Evaluations;
import org.yike.api.recording.RecordingService;
import org.yike.api.timetable.Timetable;
import org.yike.settings.FrameworkSettings;

/** The figures of this school's rooms: its timetable, its catalog, its devices as they are now. */
@Component(configurationPid = "org.yike.dashboard")
@Designate(ocd = DashboardConfig.class)
public class SchoolDashboard implements Dashboard {

    private static final Logger LOG = LoggerFactory.getLogger(SchoolDashboard.class);

    @Reference
    Catalog catalog;

    /** Without a timetable nothing is planned. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Timetable timetable;

    /** For the free space it keeps; without it the disk is not judged. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile RecordingService recording;

    /** Without it nothing is evaluated. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Evaluations evaluations;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    final List<Device> devices = new CopyOnWriteArrayList<>();

    private volatile DashboardConfig config;
    private Path recordings;
    private Clock clock;

    @Activate
    void activate(BundleContext context, DashboardConfig config) {
        FrameworkSettings settings = FrameworkSettings.of(context);
        this.recordings = settings.dataFolder().resolve("recordings");
        this.clock = Clock.system(settings.timeZone());
        this.config = config;
    }

    @Modified
    void modified(DashboardConfig config) {
        this.config = config;
    }

    @Override
    public Figures figures(LocalDate from, LocalDate to, Set<String> rooms) {
        if (to.isBefore(from)) throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        Predicate<String> in = room -> rooms.isEmpty() || rooms.contains(room);
        Timetable t = timetable;
        List<String> deviceRooms = new ArrayList<>();
        List<String> faulty = new ArrayList<>();
        for (Device d : devices) {
            if (d.classroom() == null || d.classroom().isBlank() || !in.test(d.classroom())) continue;
            deviceRooms.add(d.classroom());
            if (d.status().state() == DeviceStatus.State.OFFLINE) faulty.add(d.classroom());
        }
        Evaluations e = evaluations;
        List<Lesson> lessons = lessons(from, to).stream().filter(l -> in.test(l.room())).toList();
        Set<String> ids = lessons.stream().map(Lesson::id).collect(Collectors.toSet());
        Map<String, Long> views = new LinkedHashMap<>(catalog.views(from, to));
        views.keySet().retainAll(ids);
        return FiguresOf.of(from, to, clock.instant(), config.validPercent() / 100.0,
                t == null ? List.of() : t.sessions(from, to, null).stream().filter(s -> in.test(s.room())).toList(), lessons,
                deviceRooms, faulty, diskLow(), views,
                e == null ? List.of() : e.submitted(from, to).stream().filter(v -> ids.contains(v.lesson())).toList());
    }

    /** Every lesson of the catalog in the span, page by page. */
    private List<Lesson> lessons(LocalDate from, LocalDate to) {
        List<Lesson> all = new ArrayList<>();
        for (int page = 0;; page++) {
            LessonPage p = catalog.find(new LessonQuery(null, null, null, null, null, from, to, null, page, LessonQuery.LARGEST_PAGE));
            all.addAll(p.items());
            if (p.items().size() < LessonQuery.LARGEST_PAGE) return all;
        }
    }

    private boolean diskLow() {
        RecordingService r = recording;
        if (r == null) return false;
        try {
            FileStore disk = Files.getFileStore(Files.exists(recordings) ? recordings : recordings.getParent());
            return disk.getUsableSpace() < r.minFreeBytes();
        } catch (IOException e) {
            LOG.warn("Cannot measure the free space of {}", recordings, e);
            return false;
        }
    }
}
