package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;

/**
 * The publishing review on the product jar, in chromium (itests/browser/review-flow.mjs), each person
 * logged in through the login form: a viewer of another school (zhou, 第二中学) finds none of the school's
 * lessons and is refused the lesson; its teacher (wang) asks for it on its page; the reviewer (shen)
 * rejects it on the review page with a reason; the teacher reads the reason, who and when on the lesson
 * page and asks again; the reviewer publishes it; now the viewer of the other school finds it, and only
 * it, and opens it.
 */
public class ReviewFlowTest extends ProductJarTest {

    private static final String SCHOOL = "实验中学";
    private static final String LESSON = "s-101-0901-3";
    private static final String REASON = "声音太小，请检查麦克风后重新录制";

    @Test
    public void aLessonIsAskedForRejectedAskedAgainAndPublishedToAnotherSchool() throws Exception {
        ModuleFixtures.delete(data);
        InYike.configFile(data, "org.yike.web.access", "school=\"" + SCHOOL + "\"");
        InYike.configFile(data, "org.yike.catalog", "school=\"" + SCHOOL + "\"");
        lesson(LESSON, "勾股定理", "王芳");
        lesson("s-102-0901-4", "正弦定理", "刘洋");
        yike = InYike.productJar(data, port);
        Api api = new Api(port, data).ready(60);
        AccessTest.user(api, "wang", "王芳", "teacher", SCHOOL, "wang-secret-1");
        AccessTest.user(api, "shen", "沈审核", "reviewer", SCHOOL, "shen-secret-1");
        AccessTest.user(api, "zhou", "周明", "viewer", "第二中学", "zhou-secret-1");
        api.awaitOk("lessons/" + LESSON, 30);
        String base = "http://127.0.0.1:" + port + "/";

        List<JsonNode> before = flow("zhou", "zhou-secret-1", base, "find");
        assertEquals("nothing of this school is published yet: " + before, "[]", step(before, "listed").get("ids").toString());
        JsonNode refused = step(before, "opened");
        assertTrue(refused.toString(), refused.path("refused").asText().contains("does not cover this school"));

        List<JsonNode> asked = flow("wang", "wang-secret-1", base, "ask");
        assertEquals(asked.toString(), "私有", step(asked, "before").get("state").asText());
        assertEquals(asked.toString(), "待审核", step(asked, "asked").get("state").asText());

        List<JsonNode> rejected = flow("shen", "shen-secret-1", base, "reject", "--reason", REASON);
        assertEquals(rejected.toString(), "[\"" + LESSON + "\"]", step(rejected, "pending").get("ids").toString());
        assertEquals(rejected.toString(), "[]", step(rejected, "rejected").get("ids").toString());
        JsonNode review = api.get("lessons/" + LESSON).body().get("review");
        assertEquals(review.toString(), "rejected", review.get("state").asText());
        assertEquals(review.toString(), REASON, review.get("reason").asText());

        List<JsonNode> again = flow("wang", "wang-secret-1", base, "ask");
        JsonNode read = step(again, "before");
        assertEquals(again.toString(), "已驳回", read.get("state").asText());
        String rejection = read.get("rejection").asText();
        assertTrue("the reason, who and when: " + rejection, rejection.contains(REASON) && rejection.contains("shen")
                && rejection.matches("(?s).*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*"));
        assertEquals(again.toString(), "待审核", step(again, "asked").get("state").asText());

        List<JsonNode> published = flow("shen", "shen-secret-1", base, "publish");
        assertEquals(published.toString(), "[\"" + LESSON + "\"]", step(published, "pending").get("ids").toString());
        assertEquals(published.toString(), "[]", step(published, "published").get("ids").toString());
        review = api.get("lessons/" + LESSON).body().get("review");
        assertEquals(review.toString(), "published", review.get("state").asText());
        assertNull(review.toString(), review.get("reason").textValue());

        List<JsonNode> after = flow("zhou", "zhou-secret-1", base, "find");
        assertEquals("the published lesson only: " + after, "[\"" + LESSON + "\"]", step(after, "listed").get("ids").toString());
        assertEquals(after.toString(), "勾股定理", step(after, "opened").path("title").asText());
    }

    /** review-flow.mjs run to its end as the user, every step a success. */
    private List<JsonNode> flow(String user, String password, String base, String action, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of(base, action, LESSON));
        args.addAll(List.of(more));
        List<JsonNode> steps = Browser.runAs(user, password, 90, "review-flow.mjs", args.toArray(String[]::new));
        assertTrue(steps.toString(), steps.stream().noneMatch(s -> s.has("error")));
        return steps;
    }

    private static JsonNode step(List<JsonNode> steps, String name) {
        return steps.stream().filter(s -> s.path("step").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no step " + name + ": " + steps));
    }
    /** A finished lesson of {@code teacher} in the data folder as the recorder leaves one: a 4 s program. */
    private void lesson(String id, String title, String teacher) throws Exception {
        RecordedLesson.of(id, id.substring(2, 5)).title(title).session(LocalDate.of(2026, 9, 1), 3, "数学", teacher, "初二(4)班")
                .times(Instant.parse("2026-09-01T01:00:00Z"), 4, 2700)
                .program("-f", "lavfi", "-i", "testsrc2=size=320x180:rate=25:duration=4", "-c:v", "libx264", "-preset", "veryfast",
                        "-pix_fmt", "yuv420p", "-g", "25", "-movflags", "+faststart")
                .writeTo(data);
    }
}
