package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.Test;

/**
 * A teacher and their lesson on the product jar, in chromium (itests/browser/lesson-player.mjs): the
 * lesson (a program and the teacher camera's own file, which began 0.6 s into the lesson, made by the
 * ffmpeg CLI, with two chapters) is found by a two-character word among the teacher's own lessons only,
 * plays, the teacher camera becomes the main view, and after a jump to a chapter both streams agree
 * within a frame on the lesson's clock. Then (itests/browser/teacher-limits.mjs) the teacher is shown a
 * colleague's lesson and the console refused in the server's words, a change sent without the CSRF
 * header is refused, and after logging out the lessons page leads to the login form.
 */
public class LessonPlayerTest extends ProductJarTest {

    private static final String SCHOOL = "实验中学";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    public void aTeacherFindsPlaysAndJumpsInTheirLessonWithTheStreamsInStep() throws Exception {
        ModuleFixtures.delete(data);
        InYike.configFile(data, "org.yike.web.access", "school=\"" + SCHOOL + "\"");
        InYike.configFile(data, "org.yike.catalog", "school=\"" + SCHOOL + "\"");
        lesson("s-101-0901-3", "勾股定理", "王芳", true);
        lesson("s-102-0901-4", "正弦定理", "刘洋", false);
        yike = InYike.productJar(data, port);
        Api api = new Api(port, data).ready(60);
        ObjectNode wang = JSON.createObjectNode().put("name", "wang").put("displayName", "王芳").put("role", "teacher")
                .put("scope", SCHOOL).put("password", "wang-secret-1");
        assertEquals(201, api.post("users", wang.toString()).status());
        Api.Answer lesson = api.awaitOk("lessons/s-101-0901-3", 30);
        assertEquals(lesson.body().toString(), 600, lesson.body().get("files").get(1).get("startOffsetMillis").asLong());

        List<JsonNode> steps = Browser.runAs("wang", "wang-secret-1", 120, "lesson-player.mjs", "http://127.0.0.1:" + port + "/",
                "定理", "--chapter", "2");
        assertTrue(steps.toString(), steps.stream().noneMatch(s -> s.has("error")));
        assertEquals("only the teacher's own lesson: " + steps, "[\"勾股定理\"]", step(steps, "found").get("titles").toString());
        JsonNode switched = step(steps, "switched");
        assertNotEquals(switched.toString(), "program", switched.get("main").get("stream").asText());
        JsonNode jumped = step(steps, "jumped");
        JsonNode inStep = jumped.get("inStep");
        assertTrue("within a frame for a second after the jump; apart (ms): " + jumped.get("apartMs"), !inStep.isNull());
        double at = inStep.get("main").get("t").asDouble();
        assertTrue("at the second chapter (10 s): " + at, at >= 10 && at < 13);
        JsonNode viewed = step(steps, "viewed");
        assertEquals(viewed.toString(), 201, viewed.get("status").asInt());
        JsonNode figures = api.get("dashboard?from=2026-09-01&to=2026-09-01").body();
        assertEquals("the view on the dashboard: " + figures, "s-101-0901-3", figures.get("mostViewed").get(0).get("lesson").asText());
        assertEquals(figures.toString(), 1, figures.get("views").asInt());

        // and what the teacher cannot do, as the browser shows it
        List<JsonNode> limits = Browser.runAs("wang", "wang-secret-1", 60, "teacher-limits.mjs", "http://127.0.0.1:" + port + "/",
                "s-101-0901-3", "s-102-0901-4");
        assertTrue(limits.toString(), limits.stream().noneMatch(s -> s.has("error") && !s.path("step").asText().equals("forged")));
        assertTrue("the server's words: " + limits, step(limits, "lesson").get("text").asText().contains("刘洋"));
        assertTrue(limits.toString(), step(limits, "console").get("text").asText().contains("teacher may not"));
        JsonNode forged = step(limits, "forged");
        assertEquals(forged.toString(), 403, forged.get("status").asInt());
        assertTrue(forged.toString(), forged.get("error").asText().contains("CSRF"));
        assertEquals("勾股定理", api.get("lessons/s-101-0901-3").body().get("title").asText());
        assertTrue(limits.toString(), step(limits, "loggedOut").get("path").asText().startsWith("/login"));
    }

    private static JsonNode step(List<JsonNode> steps, String name) {
        return steps.stream().filter(s -> s.path("step").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + ": " + steps));
    }

    /**
     * A finished lesson in the data folder as the recorder leaves one: a 20 s program (its time drawn)
     * and, with {@code camera}, the teacher camera's own file from 0.6 s on; chapters at 5 and 10 s.
     */
    private void lesson(String id, String title, String teacher, boolean camera) throws Exception {
        RecordedLesson lesson = RecordedLesson.of(id, id.substring(2, 5)).title(title)
                .session(LocalDate.of(2026, 9, 1), 3, "数学", teacher, "初二(4)班").times(Instant.parse("2026-09-01T01:00:00Z"), 20, 20)
                .program("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=20", "-f", "lavfi", "-i", "sine=frequency=440:duration=20",
                        "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", "25", "-c:a", "aac", "-movflags", "+faststart")
                .chapter(5000, "导入").chapter(10000, "例题讲解");
        if (camera) {
            lesson.resource("cam1_teacher.mp4", "cam1/teacher", 600, "-f", "lavfi", "-i", "testsrc=size=320x180:rate=25:duration=19.4",
                    "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-g", "25", "-movflags", "+faststart");
        }
        lesson.writeTo(data);
    }
}
