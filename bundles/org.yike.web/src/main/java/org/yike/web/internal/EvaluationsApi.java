package org.yike.web.internal;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.CollectionType;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.yike.api.access.User;
import org.yike.api.evaluation.Evaluation;
import org.yike.api.evaluation.Evaluations;
import org.yike.api.evaluation.Indicator;
import org.yike.api.evaluation.Rubric;
import org.yike.api.evaluation.Statistic;
import org.yike.api.report.TableWriter;

/**
 * Evaluating lessons over HTTP: {@code /api/rubrics} (the district's rubrics, imported and exported as JSON,
 * by version) and {@code /api/evaluations} (an evaluator's evaluation of a lesson: scores, notes stamped on the
 * lesson's timeline, submitted; the statistics, also as xlsx or PDF). Only its evaluator changes an evaluation.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/api/rubrics", "/api/rubrics/*", "/api/evaluations", "/api/evaluations/*"})
public class EvaluationsApi extends JsonApi {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Reference
    transient Evaluations evaluations;

    /** The report writers installed (optional bundles), each with its service properties, which name its format. */
    @Reference(service = TableWriter.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, collectionType = CollectionType.TUPLE)
    transient volatile List<Map.Entry<Map<String, Object>, TableWriter>> writers;

    @Override
    protected void serve(ApiCall call, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        User caller = JsonAnswers.caller(req);
        if (req.getServletPath().equals("/api/rubrics")) {
            rubrics(call, req, resp);
        } else if (call.is("GET")) {
            String lesson = req.getParameter("lesson");
            if (lesson == null || lesson.isBlank()) throw new Refused(400, "which lesson's evaluations: ?lesson=");
            JsonAnswers.write(resp, 200, evaluations.ofLesson(lesson));
        } else if (call.is("POST")) {
            JsonNode body = JsonAnswers.body(req);
            String lesson = JsonAnswers.text(body, "lesson");
            String rubric = JsonAnswers.text(body, "rubric");
            if (lesson == null || rubric == null) throw new Refused(400, "an evaluation is of a 'lesson' by a 'rubric'");
            JsonAnswers.write(resp, 201, evaluations.start(lesson, rubric, caller.name()));
        } else if (call.is("GET", "statistics")) {
            statistics(req, resp);
        } else if (call.is("GET", "*")) {
            JsonAnswers.write(resp, 200, existing(call.part(0)));
        } else if (call.is("PUT", "*", "scores", "*")) {
            JsonNode body = JsonAnswers.body(req);
            if (!body.path("score").isNumber()) throw new Refused(400, "'score' must be a number");
            JsonAnswers.write(resp, 200, evaluations.score(own(call.part(0), caller), call.part(2), body.get("score").asDouble()));
        } else if (call.is("POST", "*", "notes")) {
            JsonNode body = JsonAnswers.body(req);
            if (!body.path("atMillis").canConvertToLong()) throw new Refused(400, "'atMillis': where in the lesson the note is");
            JsonAnswers.write(resp, 200, evaluations.note(own(call.part(0), caller), body.get("atMillis").asLong(),
                    JsonAnswers.text(body, "text")));
        } else if (call.is("POST", "*", "submit")) {
            JsonAnswers.write(resp, 200, evaluations.submit(own(call.part(0), caller)));
        } else {
            throw JsonAnswers.noSuchApi(req);
        }
    }

    /** The statistics as JSON, or as a report file (xlsx, pdf) where the call asks for one. */
    private void statistics(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String by = req.getParameter("by");
        Evaluations.By grouping;
        try {
            grouping = Evaluations.By.valueOf(String.valueOf(by).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refused(400, "statistics are ?by=teacher, course, grade or term, not '" + by + "'");
        }
        Optional<TableWriter> writer = TableAnswer.writer(req.getParameter("format"), req.getHeader("Accept"), writers);
        resp.setHeader("Vary", "Accept, Accept-Language");
        List<Statistic> statistics = evaluations.statistics(grouping);
        if (writer.isEmpty()) {
            JsonAnswers.write(resp, 200, statistics);
        } else {
            TableAnswer.send(resp, writer.get(), StatisticsTable.of(grouping, statistics, req.getHeader("Accept-Language")));
        }
    }

    private void rubrics(ApiCall call, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (call.is("GET")) {
            JsonAnswers.write(resp, 200, evaluations.rubrics());
        } else if (call.is("POST")) {
            JsonNode body = JsonAnswers.body(req);
            List<Indicator> indicators;
            try {
                indicators = JSON.convertValue(body.path("indicators"), JSON.getTypeFactory().constructCollectionType(List.class, Indicator.class));
            } catch (IllegalArgumentException e) {
                Throwable cause = e.getCause() != null && e.getCause().getCause() != null ? e.getCause().getCause() : e;
                throw new Refused(400, "the rubric's indicators do not read: " + cause.getMessage());
            }
            JsonAnswers.write(resp, 201, evaluations.importRubric(new Rubric(JsonAnswers.text(body, "id"), 0,
                    JsonAnswers.text(body, "name"), indicators, null)));
        } else if (call.is("GET", "*", "*")) {
            int version = LessonsApi.number(call.part(1), "version");
            JsonAnswers.write(resp, 200, evaluations.rubric(call.part(0), version)
                    .orElseThrow(() -> new Refused(404, "no rubric " + call.part(0) + " version " + version)));
        } else {
            throw JsonAnswers.noSuchApi(req);
        }
    }

    private Evaluation existing(String id) {
        return evaluations.evaluation(id).orElseThrow(() -> new Refused(404, "no evaluation " + id));
    }

    /** The evaluation's id once it is the caller's own. */
    private String own(String id, User caller) {
        Evaluation e = existing(id);
        if (!e.evaluator().equals(caller.name())) throw new Refused(403, "evaluation " + id + " is " + e.evaluator() + "'s");
        return id;
    }
}
