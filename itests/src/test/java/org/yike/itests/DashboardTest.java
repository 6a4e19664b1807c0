package org.yike.itests;

import static org.junit.Assert.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.Test;

/**
 * The dashboard of the product jar over a scripted span: a timetable imported through the API (room 101,
 * periods 1 and 2 on Monday to Wednesday of a past week), the recordings the recorder would have left
 * (whole, too short, partial, failed, one missing) and a camera that cannot be reached in room 102; the
 * figures through the API equal those counted here by hand.
 */
public class DashboardTest extends ProductJarTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);

    @Test
    public void theFiguresOfAScriptedWeekAreThoseCountedByHand() throws Exception {
        ModuleFixtures.delete(data);
        recording(MONDAY, 1, "FINISHED", 45);
        recording(MONDAY, 2, "FINISHED", 20);            // too short: under 80 % of 45 minutes
        recording(MONDAY.plusDays(1), 1, "PARTIAL", 45);
        recording(MONDAY.plusDays(1), 2, "FAILED", 0);
        recording(MONDAY.plusDays(2), 2, "FINISHED", 44); // Wednesday's first period: not recorded
        yike = InYike.productJar(data, port);
        Api api = new Api(port, data).ready(60);
        api.put("timetable/bells", "text/csv", "profile,period,label,start,end\nday,1,第1节,08:00,08:45\nday,2,第2节,09:00,09:45\n");
        api.put("timetable/calendar", "text/csv", "date,kind,follows_date,bell_profile,note\n2026-09-01,term_start,,day,\n"
                + "2027-01-20,term_end,,,\n");
        StringBuilder lessons = new StringBuilder("room,weekday,period,weeks,course,teacher,class,record\n");
        for (int weekday = 1; weekday <= 3; weekday++) {
            lessons.append("101,").append(weekday).append(",1,all,数学,王芳,初二(3)班,yes\n");
            lessons.append("101,").append(weekday).append(",2,all,语文,李明,初二(3)班,yes\n");
        }
        assertEquals(200, api.put("timetable/lessons", "text/csv", lessons.toString()).status());
        Api.Answer added = api.post("devices", "{\"driver\": \"rtsp\", \"id\": \"side-102\", \"name\": \"side-102\", \"classroom\": \"102\","
                + " \"role\": \"student_wide\", \"config\": {\"url\": \"rtsp://127.0.0.1:" + InYike.freePort() + "/none\", \"checkSeconds\": 1}}");
        assertEquals(added.body().toString(), 201, added.status());
        api.awaitState("side-102", "OFFLINE", 30_000);
        Api.Answer recorded = api.awaitOk("lessons?room=101&size=50", 30);
        assertEquals(recorded.body().toString(), 5, recorded.body().get("total").asInt());

        JsonNode f = api.get("dashboard?from=" + MONDAY + "&to=" + MONDAY.plusDays(6)).body();
        assertEquals(f.toString(), 6, f.get("planned").asInt());
        assertEquals(f.toString(), 5, f.get("recorded").asInt());
        assertEquals(f.toString(), 5 / 6.0, f.get("rate").asDouble(), 1e-9);
        assertEquals(f.toString(), 2, f.get("valid").asInt());
        assertEquals(f.toString(), "{\"failed\":1,\"partial\":1,\"tooShort\":1}", sorted(f.get("invalid")));
        assertEquals(f.toString(), 2, f.get("rooms").asInt());
        assertEquals(f.toString(), 1, f.get("faultyRooms").asInt());
        assertEquals(f.toString(), "[\"102\"]", f.get("behind").get("faultyRooms").toString());
        assertEquals(f.toString(), 1, f.get("behind").get("missed").size());
        assertEquals(f.toString(), "{\"数学\":2,\"语文\":3}", sorted(f.get("courses")));
        assertEquals(f.toString(), "{\"初二\":5}", sorted(f.get("grades")));
        assertEquals(401, api.anonymous().get("dashboard").status());
        // the same figures on the page, as chromium shows them to the admin
        JsonNode page = Browser.run(60, data, "dashboard-page.mjs",
                "http://127.0.0.1:" + port + "/", MONDAY.toString(), MONDAY.plusDays(6).toString()).get(0);
        assertEquals(page.toString(), "{\"rate\":\"83.3%\",\"planned\":\"6\",\"recorded\":\"5\",\"valid\":\"2\","
                + "\"invalid\":\"3\",\"faultyRooms\":\"1 / 2\",\"views\":\"0\",\"evaluationMean\":\"—\",\"disk\":\"正常\"}",
                page.get("values").toString());

        // views: Monday's first lesson played by two players (one saying so twice), Tuesday's by one; a player
        // that played 9 s is no view
        String monday = "101-" + MONDAY + "-1";
        String tuesday = "101-" + MONDAY.plusDays(1) + "-1";
        assertEquals(201, api.post("lessons/" + monday + "/views", "{\"view\": \"p1\", \"playedMillis\": 10000}").status());
        assertEquals(200, api.post("lessons/" + monday + "/views", "{\"view\": \"p1\", \"playedMillis\": 20000}").status());
        assertEquals(201, api.post("lessons/" + monday + "/views", "{\"view\": \"p2\", \"playedMillis\": 12000}").status());
        assertEquals(201, api.post("lessons/" + tuesday + "/views", "{\"view\": \"p3\", \"playedMillis\": 10500}").status());
        assertEquals(400, api.post("lessons/" + tuesday + "/views", "{\"view\": \"p4\", \"playedMillis\": 9000}").status());
        // an evaluation of Monday's lesson: 40 × 5/10 + 60 × 10/20 = 20 + 30 = 50
        api.post("rubrics", EvaluationTest.RUBRIC);
        String evaluation = api.post("evaluations", "{\"lesson\": \"" + monday + "\", \"rubric\": \"district-2026\"}").body()
                .get("id").asText();
        api.put("evaluations/" + evaluation + "/scores/goal", "application/json", "{\"score\": 5}");
        api.put("evaluations/" + evaluation + "/scores/interaction", "application/json", "{\"score\": 10}");
        assertEquals(200, api.post("evaluations/" + evaluation + "/submit", "").status());

        f = api.get("dashboard?from=" + MONDAY + "&to=" + MONDAY.plusDays(6)).body();
        assertEquals(f.toString(), 3, f.get("views").asInt());
        assertEquals(f.toString(), monday, f.get("mostViewed").get(0).get("lesson").asText());
        assertEquals(f.toString(), 2, f.get("mostViewed").get(0).get("views").asInt());
        assertEquals(f.toString(), "[\"" + monday + "\",\"" + tuesday + "\"]", f.get("behind").get("viewed").toString());
        assertEquals(f.toString(), 1, f.get("evaluations").asInt());
        assertEquals(f.toString(), 50.0, f.get("evaluationMean").asDouble(), 1e-9);
        assertEquals(f.toString(), "[\"" + monday + "\"]", f.get("behind").get("evaluated").toString());

        // room 102 alone: nothing planned or recorded there, its camera offline, no views
        JsonNode room102 = api.get("dashboard?from=" + MONDAY + "&to=" + MONDAY.plusDays(6) + "&rooms=102").body();
        assertEquals(room102.toString(), 0, room102.get("planned").asInt());
        assertEquals(room102.toString(), 1, room102.get("rooms").asInt());
        assertEquals(room102.toString(), 1, room102.get("faultyRooms").asInt());
        assertEquals(room102.toString(), 0, room102.get("views").asInt());
        assertEquals(room102.toString(), 0, room102.get("evaluations").asInt());
        // room 101 (and one without anything) alone: the week's figures, without the faulty camera
        JsonNode room101 = api.get("dashboard?from=" + MONDAY + "&to=" + MONDAY.plusDays(6) + "&rooms=101,999").body();
        assertEquals(room101.toString(), 6, room101.get("planned").asInt());
        assertEquals(room101.toString(), 5, room101.get("recorded").asInt());
        assertEquals(room101.toString(), 1, room101.get("rooms").asInt());
        assertEquals(room101.toString(), 0, room101.get("faultyRooms").asInt());
        assertEquals(room101.toString(), 3, room101.get("views").asInt());
        assertEquals(room101.toString(), 1, room101.get("evaluations").asInt());
    }

    private static String sorted(JsonNode object) throws Exception {
        return JSON.writeValueAsString(JSON.convertValue(object, java.util.TreeMap.class));
    }

    /** A lesson of room 101 on {@code day}'s period as the recorder leaves it, {@code minutes} long. */
    private void recording(LocalDate day, int period, String state, int minutes) throws Exception {
        Instant start = day.atTime(7 + period, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        RecordedLesson.of("101-" + day + "-" + period, "101").state(state)
                .session(day, period, period == 1 ? "数学" : "语文", "王芳", "初二(3)班").times(start, 60L * minutes, 2700).noMedia()
                .writeTo(data);
    }
}
