package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;

/**
 * The school admin's console of the product jar in chromium (itests/browser/console.mjs): logged in
 * through the form, an RTSP camera added through the form generated from the driver's Metatype (first
 * refused without its address, in words), the bells and calendar imported, a lessons file with a bad
 * row refused with that row named, the good file imported, and the session in the week's grid; the
 * API agrees with what the pages showed.
 */
public class ConsoleTest extends ProductJarTest {

    @Test
    public void aSchoolAdminAddsACameraAndImportsATimetableThroughThePages() throws Exception {
        ModuleFixtures.delete(data);
        yike = InYike.productJar(data, port);
        Api api = new Api(port, data).ready(60);
        LocalDate today = LocalDate.now();
        // not recorded: the sessions are for the grid, the scheduler leaves them
        Map<String, String> files = Map.of(
                "bells", "profile,period,label,start,end\n"
                        + "test,1,第1节,08:00,08:45\n" + "test,2,第2节,08:55,09:40\n" + "test,3,第3节,10:00,10:45\n",
                "calendar", "date,kind,follows_date,bell_profile,note\n"
                        + today.minusDays(7) + ",term_start,,test,\n" + today.plusDays(7) + ",term_end,,,\n",
                "lessons", "room,weekday,period,weeks,course,teacher,class,record\n"
                        + "101," + today.getDayOfWeek().getValue() + ",3,all,生物,周老师,初二(4)班,no\n"
                        + "101," + today.getDayOfWeek().getValue() + ",1,all,数学,李老师,初二(4)班,no\n");
        Path folder = Files.createDirectories(data.resolve("console-files"));
        for (var f : files.entrySet()) Files.writeString(folder.resolve(f.getKey() + ".csv"), f.getValue());

        List<JsonNode> steps = Browser.run(120, data, "console.mjs", "http://127.0.0.1:" + port + "/",
                folder.resolve("bells.csv").toString(), folder.resolve("calendar.csv").toString(),
                folder.resolve("lessons.csv").toString(), "--camera-url", "rtsp://127.0.0.1:9/console-cam", "--name", "讲台摄像机",
                "--classroom", "101", "--week", today.toString());
        assertTrue(steps.toString(), steps.stream().noneMatch(s -> s.has("error") && !s.path("step").asText().equals("refused")));

        assertTrue("the bar offers 管理 to the admin: " + steps, step(steps, "console").get("link").asBoolean());
        JsonNode form = step(steps, "form");
        assertTrue("the form has the driver's stream address: " + form, form.get("fields").findValuesAsText("id").contains("url"));
        String refusal = step(steps, "refused").get("error").asText();
        assertTrue("refused in words, naming the address: " + refusal, refusal.contains("url"));
        JsonNode added = step(steps, "added").get("device");
        assertEquals(added.toString(), "rtsp", added.get("driver").asText());
        assertEquals("101", added.get("classroom").asText());

        JsonNode rejected = step(steps, "rejected");
        int broken = rejected.get("broken").asInt();
        JsonNode rows = rejected.get("rows");
        assertEquals("only the broken row is named: " + rows, 1, rows.size());
        assertEquals(broken, rows.get(0).get("row").asInt());
        assertFalse(rows.get(0).get("reason").asText().isBlank());
        assertTrue("the row's own text is shown: " + rows, rows.get(0).get("text").asText().contains(",x,"));

        JsonNode week = step(steps, "week");
        List<String> courses = week.get("sessions").findValuesAsText("course");
        assertTrue("the week's grid shows the imported sessions: " + week, courses.contains("生物") && courses.contains("数学"));

        // what the pages did, the API has
        Optional<JsonNode> camera = Optional.ofNullable(api.awaitDevice("name", "讲台摄像机"));
        assertNotNull(camera.orElse(null));
        assertEquals(2, api.get("schedule?from=" + today + "&to=" + today).body().size());
    }

    private static JsonNode step(List<JsonNode> steps, String name) {
        return steps.stream().filter(s -> s.path("step").asText().equals(name)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no step " + name + ": " + steps));
    }
}
