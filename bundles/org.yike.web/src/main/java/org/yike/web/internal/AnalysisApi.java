package org.yike.web.internal;

import java.io.IOException;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.yike.api.analysis.LessonAnalyses;

/**
 * {@code GET /api/analysis/teachers?term=2026秋}: the lessons' S-T analyses summed up per teacher and term (without
 * {@code term}: every term). A lesson's own analysis is {@code GET /api/lessons/{id}/analysis} ({@link LessonsApi}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/analysis/*")
public class AnalysisApi extends JsonApi {

    private static final long serialVersionUID = 1L;

    @Reference
    transient LessonAnalyses analyses;

    @Override
    protected void serve(ApiCall call, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!call.is("GET", "teachers")) throw JsonAnswers.noSuchApi(req);
        String term = req.getParameter("term");
        JsonAnswers.write(resp, 200, analyses.byTeacher(term == null || term.isBlank() ? null : term.strip()));
    }
}
