package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;

/**
 * Evaluating a lesson through the product jar's API: the district's rubric imported as JSON (again: the
 * same version; changed: the next), a judge's evaluation by it with scores, a note stamped on the lesson's
 * timeline and a total worked out by hand, nobody else changing it, and the statistics by teacher.
 */
public class EvaluationTest extends ProductJarTest {

    static final String SCHOOL = "实验中学";
    /** Two indicators: 教学目标 of 10 points weighs 40, 师生互动 of 20 points 60. */
    static final String RUBRIC = "{\"id\": \"district-2026\", \"name\": \"区课堂教学评价表\", \"indicators\": ["
            + "{\"id\": \"design\", \"name\": \"教学设计\", \"weight\": 40, \"children\": ["
            + "{\"id\": \"goal\", \"name\": \"教学目标\", \"weight\": 1, \"maxScore\": 10}]},"
            + "{\"id\": \"practice\", \"name\": \"教学实施\", \"weight\": 60, \"children\": ["
            + "{\"id\": \"interaction\", \"name\": \"师生互动\", \"weight\": 1, \"maxScore\": 20}]}]}";

    @Test
    public void aJudgeEvaluatesALessonByTheDistrictsRubric() throws Exception {
        ModuleFixtures.delete(data);
        InYike.configFile(data, "org.yike.web.access", "school=\"" + SCHOOL + "\"");
        InYike.configFile(data, "org.yike.catalog", "school=\"" + SCHOOL + "\"");
        AccessTest.lesson(data, "wang-1", "王芳");
        yike = InYike.productJar(data, port);
        Api admin = new Api(port, data).ready(60);
        admin.awaitOk("lessons/wang-1", 30);
        AccessTest.user(admin, "ping", "评委甲", "judge", SCHOOL, "ping-secret-1");
        AccessTest.user(admin, "qu", "评委乙", "judge", SCHOOL, "qu-secret-12");

        assertEquals(1, admin.post("rubrics", RUBRIC).body().get("version").asInt());
        assertEquals("the same again", 1, admin.post("rubrics", RUBRIC).body().get("version").asInt());
        Api.Answer bad = admin.post("rubrics", RUBRIC.replace("\"maxScore\": 20", "\"maxScore\": 0"));
        assertEquals(bad.body().toString(), 400, bad.status());
        assertTrue(bad.body().toString(), bad.body().get("error").asText().contains("interaction"));

        Api ping = admin.login("ping", "ping-secret-1");
        Api.Answer started = ping.post("evaluations", "{\"lesson\": \"wang-1\", \"rubric\": \"district-2026\"}");
        assertEquals(started.body().toString(), 201, started.status());
        String id = started.body().get("id").asText();
        ping.put("evaluations/" + id + "/scores/goal", "application/json", "{\"score\": 8}");
        ping.post("evaluations/" + id + "/notes", "{\"atMillis\": 65000, \"text\": \"导入自然\"}");
        Api.Answer others = admin.login("qu", "qu-secret-12").put("evaluations/" + id + "/scores/goal", "application/json",
                "{\"score\": 1}");
        assertEquals(others.body().toString(), 403, others.status());
        assertEquals(409, ping.post("evaluations/" + id + "/submit", "").status());
        ping.put("evaluations/" + id + "/scores/interaction", "application/json", "{\"score\": 15}");
        JsonNode done = ping.post("evaluations/" + id + "/submit", "").body();
        // 40 × 8/10 + 60 × 15/20 = 32 + 45 = 77
        assertEquals(done.toString(), 77.0, done.get("total").asDouble(), 1e-9);
        assertEquals(done.toString(), "[{\"atMillis\":65000,\"text\":\"导入自然\"}]", done.get("notes").toString());
        assertEquals(1, admin.get("evaluations?lesson=wang-1").body().size());
        JsonNode stats = admin.get("evaluations/statistics?by=teacher").body();
        assertEquals(stats.toString(), "王芳", stats.get(0).get("group").asText());
        assertEquals(stats.toString(), 77.0, stats.get(0).get("mean").asDouble(), 1e-9);
        assertEquals(400, admin.get("evaluations/statistics?by=weather").status());

        // rubrics and evaluations are the runtime's database: after a kill and a start of the plain jar they are as they were
        yike.destroyForcibly().waitFor();
        yike = InYike.productJar(data, port);
        Api restarted = new Api(port, data).ready(60);
        // (as JSON trees: an object's fields in any order)
        assertEquals(done, restarted.get("evaluations/" + id).body());
        assertEquals(stats, restarted.get("evaluations/statistics?by=teacher").body());
        assertEquals(1, restarted.get("rubrics").body().size());
    }
}
