package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;

/**
 * A lesson contest through the product jar's API: an admin makes it and nominates two lessons; the
 * round's judges are every judge but the one of this school; a judge's list is blind; a disagreement
 * beyond the threshold keeps the round from closing until a judge of another school, added and
 * assigned, decides; the round closes with its ranking, and a teacher then reads the comments on their
 * own lesson only, and finds its result among their contests; a colleague with no entry finds none.
 */
public class ContestTest extends ProductJarTest {

    private static final String SCHOOL = "实验中学";

    @Test
    public void aContestRunsThroughTheApi() throws Exception {
        ModuleFixtures.delete(data);
        InYike.configFile(data, "org.yike.web.access", "school=\"" + SCHOOL + "\"", "region=\"440305\"");
        InYike.configFile(data, "org.yike.catalog", "school=\"" + SCHOOL + "\"");
        AccessTest.lesson(data, "wang-1", "王芳");
        AccessTest.lesson(data, "liu-1", "刘洋");
        yike = InYike.productJar(data, port);
        Api admin = new Api(port, data).ready(60);
        admin.awaitOk("lessons/liu-1", 30);
        AccessTest.user(admin, "wang", "王芳", "teacher", SCHOOL, "wang-secret-1");
        AccessTest.user(admin, "ping", "本校评委", "judge", SCHOOL, "ping-secret-1");
        AccessTest.user(admin, "qu", "区评委甲", "judge", "440305", "qu-secret-12");
        AccessTest.user(admin, "yi", "区评委乙", "judge", "440305", "yi-secret-12");

        Api.Answer made = admin.post("contests", "{\"name\": \"2026 优课评选\", \"rounds\": [{\"name\": \"一审\", \"advance\": 1}],"
                + " \"threshold\": 10}");
        assertEquals(made.body().toString(), 201, made.status());
        String contest = made.body().get("id").asText();
        assertEquals(400, admin.post("contests", "{\"name\": \"x\", \"rounds\": [], \"threshold\": 10}").status());
        for (String lesson : List.of("wang-1", "liu-1")) {
            assertEquals(201, admin.post("contests/" + contest + "/entries", "{\"lesson\": \"" + lesson + "\"}").status());
        }
        JsonNode assigned = admin.post("contests/" + contest + "/rounds/1/assign", "").body();
        assertEquals(assigned.toString(), 4, assigned.size());
        assertFalse("never the judge of the entries' own school: " + assigned, assigned.toString().contains("\"ping\""));

        Api qu = admin.login("qu", "qu-secret-12");
        Api yi = admin.login("yi", "yi-secret-12");
        JsonNode blind = qu.get("contests/" + contest + "/assigned").body();
        assertEquals(blind.toString(), 2, blind.size());
        assertFalse("no teacher, no school: " + blind, blind.toString().contains("王芳") || blind.toString().contains(SCHOOL));
        // nor the lessons themselves, as the catalog shows them to a judge: no teacher, school, metadata, nor a search by them
        JsonNode lesson = qu.get("lessons/wang-1").body();
        assertFalse("blind: " + lesson, lesson.toString().contains("王芳") || lesson.toString().contains(SCHOOL));
        assertEquals(lesson.toString(), "数学", lesson.get("course").asText());
        assertEquals(404, qu.get("lessons/wang-1/files/lesson.json").status());
        assertEquals(200, admin.get("lessons/wang-1/files/lesson.json").status());
        assertEquals(400, qu.get("lessons?q=" + java.net.URLEncoder.encode("王芳", java.nio.charset.StandardCharsets.UTF_8)).status());
        JsonNode found = qu.get("lessons").body();
        assertFalse("blind: " + found, found.toString().contains("王芳") || found.toString().contains(SCHOOL));
        for (JsonNode e : blind) {
            String entry = e.get("entry").asText();
            boolean wang = e.get("lesson").asText().equals("wang-1");
            assertEquals(200, qu.put("contests/" + contest + "/entries/" + entry + "/score", "application/json",
                    "{\"score\": " + (wang ? 90 : 70) + ", \"comment\": \"" + (wang ? "板书清楚" : "节奏偏慢") + "\"}").status());
            assertEquals(200, yi.put("contests/" + contest + "/entries/" + entry + "/score", "application/json",
                    "{\"score\": " + (wang ? 88 : 95) + "}").status());
        }
        // liu-1's 70 and 95 differ by more than 10: a third judge must decide, and the only one left is of this school
        Api.Answer early = admin.post("contests/" + contest + "/rounds/1/close", "");
        assertEquals(early.body().toString(), 409, early.status());
        assertTrue(early.body().toString(), early.body().get("error").asText().contains("not fully scored"));
        Api.Answer none = admin.post("contests/" + contest + "/rounds/1/assign", "");
        assertEquals(none.body().toString(), 409, none.status());
        assertTrue(none.body().toString(), none.body().get("error").asText().contains("third judge"));
        AccessTest.user(admin, "bing", "区评委丙", "judge", "440305", "bing-secret-1");
        JsonNode again = admin.post("contests/" + contest + "/rounds/1/assign", "").body();
        assertTrue(again.toString(), again.toString().contains("{\"entry\":\"" + contest + "-1-2\",\"judge\":\"bing\",\"third\":true}"));
        Api bing = admin.login("bing", "bing-secret-1");
        assertEquals(200, bing.put("contests/" + contest + "/entries/" + contest + "-1-2/score", "application/json",
                "{\"score\": 80}").status());
        assertEquals(403, admin.login("wang", "wang-secret-1").get("contests/" + contest + "/assigned").status());
        assertEquals(409, admin.login("wang", "wang-secret-1").get("contests/" + contest + "/comments/wang-1").status());
        assertEquals("no results while it runs", "[]", admin.login("wang", "wang-secret-1").get("contests/mine").body().toString());

        JsonNode ranking = admin.post("contests/" + contest + "/rounds/1/close", "").body();
        assertEquals(ranking.toString(), "wang-1", ranking.get(0).get("entry").get("lesson").asText());
        assertEquals(ranking.toString(), 89.0, ranking.get(0).get("score").asDouble(), 1e-9);
        assertEquals("(70 + 95 + 2 × 80) / 4", 81.25, ranking.get(1).get("score").asDouble(), 1e-9);
        assertTrue(admin.get("contests/" + contest).body().get("closed").asBoolean());
        Api wang = admin.login("wang", "wang-secret-1");
        assertEquals("[\"板书清楚\"]", wang.get("contests/" + contest + "/comments/wang-1").body().toString());
        assertEquals(403, wang.get("contests/" + contest + "/comments/liu-1").status());

        // the teacher finds their lesson's result and comments among the closed contests; a colleague with no entry, none
        JsonNode mine = wang.get("contests/mine").body();
        assertEquals(mine.toString(), 1, mine.size());
        JsonNode won = mine.get(0);
        assertEquals(won.toString(), contest + " 2026 优课评选 wang-1 一审 1 1 true", String.join(" ", won.get("contest").asText(),
                won.get("contestName").asText(), won.get("lesson").asText(), won.get("roundName").asText(), won.get("round").asText(),
                won.get("rank").asText(), won.get("won").asText()));
        assertEquals("[\"板书清楚\"]", won.get("comments").toString());
        AccessTest.user(admin, "li", "李明", "teacher", SCHOOL, "li-secret-12");
        assertEquals("[]", admin.login("li", "li-secret-12").get("contests/mine").body().toString());
        assertEquals(403, qu.get("contests/mine").status());

        // the contest is the runtime's database: after a kill and a start of the plain jar it is as it was
        JsonNode before = admin.get("contests/" + contest).body();
        yike.destroyForcibly().waitFor();
        yike = InYike.productJar(data, port);
        Api restarted = new Api(port, data).ready(60);
        assertEquals(before, restarted.get("contests/" + contest).body()); // as JSON trees: fields in any order
        assertEquals("[\"板书清楚\"]", restarted.login("wang", "wang-secret-1").get("contests/mine").body().get(0).get("comments").toString());
    }
}
