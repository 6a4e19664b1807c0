package org.yike.analysis.lesson.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.analysis.LessonAnalyses;
import org.yike.api.analysis.LessonAnalysis;
import org.yike.api.analysis.TeacherSummary;
import org.yike.api.catalog.Catalog;
import org.yike.api.catalog.CatalogEvents;
import org.yike.api.recording.RecordingEvents;

/**
 * Analyses each lesson that ended (its {@code lesson.json}, beside the program file the recorder names), writes
 * {@value #ANALYSIS} beside it and keeps it in the runtime's database; a lesson deleted from the catalog is
 * forgotten.
 */
@Component(configurationPid = LessonAnalyst.PID, property = {
        EventConstants.EVENT_TOPIC + "=" + RecordingEvents.STOPPED,
        EventConstants.EVENT_TOPIC + "=" + CatalogEvents.DELETED})
@Designate(ocd = AnalysisConfig.class)
public class LessonAnalyst implements LessonAnalyses, EventHandler {

    static final String PID = "org.yike.analysis.lesson";
    static final String ANALYSIS = "analysis.json";

    private static final Logger LOG = LoggerFactory.getLogger(LessonAnalyst.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Analyst analyst;
    private final AnalysisStore store;

    @Activate
    public LessonAnalyst(AnalysisConfig config, @Reference(target = "(yike.database=catalog)") DataSource database,
            @Reference Catalog catalog) throws SQLException {
        this(new Analyst(config), new AnalysisStore(database, catalog::get, Clock.systemUTC()));
    }

    LessonAnalyst(Analyst analyst, AnalysisStore store) {
        this.analyst = analyst;
        this.store = store;
    }

    @Deactivate
    void close() {
        store.close();
    }

    @Override
    public void handleEvent(Event event) {
        if (event.getTopic().equals(CatalogEvents.DELETED)) {
            if (event.getProperty(CatalogEvents.ID) instanceof String id) store.forget(id);
        } else if (event.getProperty(RecordingEvents.FILE) instanceof String program) {
            Path folder = Path.of(program).getParent();
            try {
                analyse(folder);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Lesson {} not analysed: {}", event.getProperty(RecordingEvents.ID), e.toString());
            }
        }
    }

    /** Analyses the lesson in {@code folder}: its analysis written beside its {@code lesson.json} and kept. */
    LessonAnalysis analyse(Path folder) throws IOException {
        LessonAnalysis a = analyst.analyse(RecordedLesson.read(folder));
        Path tmp = folder.resolve(ANALYSIS + ".tmp");
        JSON.writeValue(tmp.toFile(), a);
        Files.move(tmp, folder.resolve(ANALYSIS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        store.keep(a);
        LOG.info("Lesson {} analysed: {}", a.lesson(), a.st() == null ? "shorter than one sampling interval"
                : a.st().curve() + " Rt " + a.st().rt() + " Ch " + a.st().ch() + " " + a.st().type().chinese());
        return a;
    }

    @Override
    public Optional<LessonAnalysis> ofLesson(String lesson) {
        return store.get(lesson);
    }

    @Override
    public List<TeacherSummary> byTeacher(String term) {
        return store.byTeacher(term);
    }
}
