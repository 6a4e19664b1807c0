package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.yike.api.timetable.ScheduleEvents;
import org.yike.media.MediaInfo;

/**
 * A timetable imported through the API records the virtual classroom with no call: two back-to-back
 * lessons of 14 s in room 101 each get their own recording, changing at the bell, with the session in
 * their metadata; a lesson in room 999, which has no device, raises an alert and is kept as failed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TimetableRecordingTest extends InYike {

    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Inject
    BundleContext context;

    /** bells.csv, calendar.csv and a timetable of periods 1 and 2 in room 101 and 3 in room 999, from {@code first} on. */
    static Map<String, String> today(LocalTime first, int seconds) {
        LocalDate today = LocalDate.now();
        LocalTime p2 = first.plusSeconds(seconds);
        LocalTime end = p2.plusSeconds(seconds);
        return Map.of(
                "bells", "profile,period,label,start,end\n"
                        + "test,1,第1节," + first.format(HMS) + "," + p2.format(HMS) + "\n"
                        + "test,2,第2节," + p2.format(HMS) + "," + end.format(HMS) + "\n"
                        + "test,3,第3节," + end.plusSeconds(60).format(HMS) + "," + end.plusSeconds(70).format(HMS) + "\n",
                "calendar", "date,kind,follows_date,bell_profile,note\n"
                        + today.minusDays(3) + ",term_start,,test,\n" + today.plusDays(3) + ",term_end,,,\n",
                "lessons", "room,weekday,period,weeks,course,teacher,class,record\n"
                        + "101," + today.getDayOfWeek().getValue() + ",1,all,数学,李老师,高一(1)班,yes\n"
                        + "101," + today.getDayOfWeek().getValue() + ",2,all,物理,张老师,高一(1)班,yes\n"
                        + "999," + today.getDayOfWeek().getValue() + ",1,all,化学,赵老师,高一(9)班,yes\n");
    }

    /** Imports the three files with the admin token from the data folder (made by the first refused call). */
    static void importTimetable(Api api, Path data, Map<String, String> files) throws Exception {
        Api.Answer refused = api.anonymous().put("timetable/bells", "text/csv", files.get("bells"));
        assertEquals(refused.toString(), 401, refused.status());
        String token = Files.readString(data.resolve("admin.token")).strip();
        for (String part : new String[] {"bells", "calendar", "lessons"}) {
            Api.Answer a = api.put("timetable/" + part, "text/csv", files.get(part), "Authorization", "Bearer " + token);
            assertEquals(a.body().toString(), 200, a.status());
        }
    }

    @Test
    public void theTimetableRecordsBackToBackLessonsAndAlertsForARoomWithoutDevices() throws Exception {
        BlockingQueue<Event> alerts = new LinkedBlockingQueue<>();
        Dictionary<String, Object> topic = new Hashtable<>();
        topic.put(EventConstants.EVENT_TOPIC, ScheduleEvents.SESSION_FAILED);
        context.registerService(EventHandler.class, alerts::add, topic);
        configureRecording(SMALL_PROGRAM);
        configurations.getConfiguration("org.yike.scheduler", "?").update(new Hashtable<>(Map.of("preRollSeconds", 2,
                "postRollSeconds", 0, "deviceGraceSeconds", 3)));
        Api api = new Api().ready();
        Path data = dataFolder();
        Instant began = Instant.now();

        LocalTime first = LocalTime.now().plusSeconds(12).truncatedTo(ChronoUnit.SECONDS);
        importTimetable(api, data, today(first, 14));
        // a row that does not read (weekday 9) and a conflict between two that do (rows 2 and 4): both in one answer
        int weekday = LocalDate.now().getDayOfWeek().getValue();
        Api.Answer bad = api.put("timetable/lessons", "text/csv", "room,weekday,period,weeks,course\n101," + weekday
                + ",1,all,数学\n101,9,1,all,数学\n101," + weekday + ",1,all,物理\n",
                "Authorization", "Bearer " + Files.readString(data.resolve("admin.token")).strip());
        assertEquals(422, bad.status());
        JsonNode errors = bad.body().get("errors");
        assertEquals(errors.toString(), 2, errors.size());
        assertEquals(3, errors.get(0).get("row").asInt());
        assertEquals(4, errors.get(1).get("row").asInt());
        assertTrue(errors.toString(), errors.get(1).get("reason").asText().contains("(row 2, 数学)"));

        JsonNode sessions = api.get("schedule?from=" + LocalDate.now() + "&room=101").body();
        assertEquals(sessions.toString(), 2, sessions.size());
        String p1 = sessions.get(0).get("id").asText();
        String p2 = sessions.get(1).get("id").asText();
        assertEquals("高一(1)班", sessions.get(0).get("class").asText());
        assertEquals(ZoneId.systemDefault().getRules().getOffset(Instant.now()).toString().replace("Z", "+00:00"),
                sessions.get(0).get("start").asText().substring(19).replace("Z", "+00:00"));
        String p999 = api.get("schedule?room=999").body().get(0).get("id").asText();

        Event alert = alerts.poll(30, TimeUnit.SECONDS);
        assertNotNull("an alert for room 999", alert);
        assertEquals(p999, alert.getProperty(ScheduleEvents.SESSION));
        JsonNode failed = await(api, p999, began, 10);
        assertEquals("FAILED", failed.get("state").asText());
        assertTrue(failed.get("error").asText(), failed.get("error").asText().contains("999"));

        // the second lesson's end bell is 28 s after the first's start; then as long again as a busy machine takes to finish
        int secondEnds = (int) java.time.Duration.between(LocalTime.now(), first.plusSeconds(28)).toSeconds();
        JsonNode one = await(api, p1, began, Math.max(0, secondEnds) + 20);
        JsonNode two = await(api, p2, began, Math.max(0, secondEnds) + 20);
        assertEquals("FINISHED", one.get("state").asText());
        assertEquals("FINISHED", two.get("state").asText());
        assertFalse(one.get("partial").asBoolean());
        assertEquals("数学 · 高一(1)班 · 李老师 · " + LocalDate.now() + " 第1节", one.get("title").asText());
        // changed at the bell: the first ends where the second starts
        Instant bell = LocalDate.now().atTime(first.plusSeconds(14)).atZone(ZoneId.systemDefault()).toInstant();
        assertTrue(one.toString(), Math.abs(Instant.parse(one.get("ended").asText()).toEpochMilli() - bell.toEpochMilli()) < 1500);
        assertTrue(two.toString(), Math.abs(Instant.parse(two.get("started").asText()).toEpochMilli() - bell.toEpochMilli()) < 1500);

        JsonNode metadata = new ObjectMapper().readTree(Path.of(one.get("files").get(1).get("path").asText()).toFile());
        JsonNode session = metadata.get("session");
        assertEquals(p1, session.get("id").asText());
        assertEquals("数学", session.get("course").asText());
        assertEquals("李老师", session.get("teacher").asText());
        assertEquals("高一(1)班", session.get("class").asText());
        assertEquals(1, session.get("period").asInt());
        for (JsonNode r : new JsonNode[] {one, two}) {
            MediaInfo info = media.probe(Path.of(r.get("files").get(0).get("path").asText()));
            assertTrue(r.get("id") + " lasts " + info.durationSeconds() + " s", info.durationSeconds() > 9);
        }
        iCalendarInsideFelix(api, data, first.plusSeconds(28 + 60));
    }

    /**
     * iCal4j inlined in Felix: an event in another zone (Asia/Shanghai, resolved from iCal4j's own
     * zoneinfo with no network) lands on the local period it starts at; the export read back gives the
     * same sessions.
     */
    private void iCalendarInsideFelix(Api api, Path data, LocalTime period3) throws Exception {
        String token = "Bearer " + Files.readString(data.resolve("admin.token")).strip();
        String shanghai = LocalDate.now().atTime(period3).atZone(ZoneId.systemDefault())
                .withZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDateTime()
                .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", "BEGIN:VEVENT",
                "UID:one@test", "DTSTAMP:20250101T000000Z", "SUMMARY:生物", "LOCATION:101",
                "DTSTART;TZID=Asia/Shanghai:" + shanghai, "DURATION:PT10S", "END:VEVENT", "END:VCALENDAR", "");
        Api.Answer a = api.put("timetable", "text/calendar", ics, "Authorization", token);
        assertEquals(a.body().toString(), 200, a.status());
        JsonNode sessions = api.get("schedule?room=101").body();
        assertEquals(sessions.toString(), 1, sessions.size());
        assertEquals(3, sessions.get(0).get("period").asInt());
        assertEquals("生物", sessions.get(0).get("course").asText());

        java.net.http.HttpResponse<String> export = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://127.0.0.1:" + Integer.getInteger("yike.http.port") + "/api/timetable"))
                .header("Authorization", token).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertTrue(export.body(), export.body().contains("UID:" + sessions.get(0).get("id").asText()));
        a = api.put("timetable", "text/calendar", export.body(), "Authorization", token);
        assertEquals(a.body().toString(), 0, a.body().get("imported").get("changed").asInt());
        assertEquals(sessions, api.get("schedule?room=101").body());
    }

    /**
     * The recording of this session begun since {@code since} (the data folder keeps earlier runs'),
     * once it ended, within {@code seconds}.
     */
    static JsonNode await(Api api, String session, Instant since, int seconds) throws Exception {
        return Await.until("an ended recording of session " + session, seconds, () -> {
            JsonNode found = null;
            for (JsonNode r : api.get("recordings").body()) {
                if (r.path("lesson").path("session").asText().equals(session)
                        && Instant.parse(r.get("started").asText()).isAfter(since)) {
                    found = r;
                }
            }
            return found;
        }, r -> r != null && !r.get("state").asText().equals("RECORDING"));
    }
}
