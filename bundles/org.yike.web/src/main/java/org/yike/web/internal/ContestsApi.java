package org.yike.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.yike.api.access.Accounts;
import org.yike.api.access.Role;
import org.yike.api.access.User;
import org.yike.api.catalog.Catalog;
import org.yike.api.selection.Judge;
import org.yike.api.selection.NewContest;
import org.yike.api.selection.Selection;

/**
 * The lesson contests over HTTP ({@code /api/contests}): admins make contests, nominate lessons, assign a
 * round's judges (every user with the judge role; a judge's school is their scope where it is a school),
 * rank and close rounds; judges read their blind lists and score; a teacher reads the comments on their
 * lesson once the contest has closed, and finds their lessons' results in the closed contests ({@code mine}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/api/contests", "/api/contests/*"})
public class ContestsApi extends JsonApi {

    private static final long serialVersionUID = 1L;

    @Reference
    transient Selection selection;

    @Reference
    transient Accounts accounts;

    @Reference
    transient Catalog catalog;

    @Override
    protected void serve(ApiCall call, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        User caller = JsonAnswers.caller(req);
        if (call.is("GET")) {
            JsonAnswers.write(resp, 200, selection.contests());
        } else if (call.is("POST")) {
            JsonAnswers.write(resp, 201, selection.create(newContest(JsonAnswers.body(req)), caller.name()));
        } else if (call.is("GET", "mine")) {
            JsonAnswers.write(resp, 200, ContestResults.of(selection, catalog, caller.displayName()));
        } else if (call.is("GET", "*")) {
            JsonAnswers.write(resp, 200, selection.contest(call.part(0)).orElseThrow(() -> new Refused(404, "no contest " + call.part(0))));
        } else if (call.is("POST", "*", "entries")) {
            JsonAnswers.write(resp, 201, selection.nominate(call.part(0), JsonAnswers.text(JsonAnswers.body(req), "lesson"), caller.name()));
        } else if (call.is("GET", "*", "rounds", "*", "entries")) {
            JsonAnswers.write(resp, 200, selection.entries(call.part(0), round(call)));
        } else if (call.is("POST", "*", "rounds", "*", "assign")) {
            JsonAnswers.write(resp, 200, selection.assign(call.part(0), round(call), judges()));
        } else if (call.is("GET", "*", "rounds", "*", "ranking")) {
            JsonAnswers.write(resp, 200, selection.ranking(call.part(0), round(call)));
        } else if (call.is("POST", "*", "rounds", "*", "close")) {
            JsonAnswers.write(resp, 200, selection.close(call.part(0), round(call)));
        } else if (call.is("GET", "*", "assigned")) {
            JsonAnswers.write(resp, 200, selection.assigned(call.part(0), caller.name()));
        } else if (call.is("PUT", "*", "entries", "*", "score")) {
            JsonNode body = JsonAnswers.body(req);
            if (!body.path("score").isNumber()) throw new Refused(400, "'score' must be a number");
            JsonAnswers.write(resp, 200, selection.score(call.part(0), call.part(2), caller.name(), body.get("score").asDouble(),
                    JsonAnswers.text(body, "comment")));
        } else if (call.is("GET", "*", "comments", "*")) {
            String lesson = call.part(2);
            if (caller.role() == Role.TEACHER && !catalog.get(lesson).map(l -> caller.displayName().equals(l.teacher())).orElse(false)) {
                throw new Refused(403, "lesson " + lesson + " is not " + caller.displayName() + "'s");
            }
            JsonAnswers.write(resp, 200, selection.comments(call.part(0), lesson));
        } else {
            throw JsonAnswers.noSuchApi(req);
        }
    }

    /** {@code {"name", "rounds": [{"name", "advance"}], "threshold", "maxScore"}} (maxScore 100 when not given). */
    private static NewContest newContest(JsonNode body) {
        List<NewContest.Round> rounds = new ArrayList<>();
        for (JsonNode r : body.path("rounds")) {
            if (!r.path("advance").canConvertToInt()) throw new Refused(400, "each round has a 'name' and how many 'advance'");
            rounds.add(new NewContest.Round(JsonAnswers.text(r, "name"), r.get("advance").asInt()));
        }
        if (!body.path("threshold").isNumber()) throw new Refused(400, "'threshold' must be a number: how far two scores may differ");
        return new NewContest(JsonAnswers.text(body, "name"), rounds, body.get("threshold").asDouble(),
                body.path("maxScore").isNumber() ? body.get("maxScore").asDouble() : 100);
    }

    private static int round(ApiCall call) {
        return LessonsApi.number(call.part(2), "round");
    }

    /** Every user with the judge role; one whose scope is a school is of that school. */
    private List<Judge> judges() {
        return accounts.users().stream().filter(u -> u.role() == Role.JUDGE)
                .map(u -> new Judge(u.name(), u.scope().isRegion() ? null : u.scope().value())).toList();
    }
}
