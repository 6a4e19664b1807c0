package org.yike.timetable.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.connector.CaptureCalendar;
import org.yike.api.timetable.Session;

/** A platform's calendar (an Opencast agent's) followed by the timetable: its events are sessions of its room. */
public class CaptureCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate DAY = LocalDate.parse("2026-11-26");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** An agent's calendar for room 101, as Opencast sends it (times in UTC); {@code ical} changes as a new one is fetched. */
    private static final class Agent implements CaptureCalendar {
        volatile String ical;

        Agent(String ical) {
            this.ical = ical;
        }

        @Override
        public String room() {
            return "101";
        }

        @Override
        public String ical() {
            return ical;
        }

        @Override
        public Instant fetched() {
            return Instant.now();
        }

        @Override
        public String label() {
            return "Opencast room-101";
        }
    }

    private static String event(String uid, String start, String end, String summary) {
        return "BEGIN:VEVENT\r\nDTSTAMP:20261120T000000Z\r\nDTSTART:" + start + "\r\nDTEND:" + end + "\r\nSUMMARY:" + summary
                + "\r\nUID:" + uid + "\r\nLOCATION:room-101\r\nEND:VEVENT\r\n";
    }

    private static String calendar(String... events) {
        return "BEGIN:VCALENDAR\r\nPRODID:Opencast Calendar File 0.5\r\nVERSION:2.0\r\n" + String.join("", events) + "END:VCALENDAR\r\n";
    }

    private SchoolTimetable timetable() throws Exception {
        SchoolTimetable t = new SchoolTimetable(tmp.newFolder().toPath(), SHANGHAI);
        t.importBells("profile,period,label,start,end\nw,1,第1节,08:00,08:45\nw,2,第2节,08:55,09:40\nw,3,第3节,10:00,10:45\n"
                .getBytes(StandardCharsets.UTF_8));
        t.importCalendar("date,kind,follows_date,bell_profile,note\n2026-11-02,term_start,,w,\n2027-01-15,term_end,,,\n"
                .getBytes(StandardCharsets.UTF_8));
        t.importLessons(("room,weekday,period,weeks,course,teacher,class,record\n101,4,1,all,语文,李老师,高一(1)班,yes\n"
                + "101,4,2,all,数学,王老师,高一(1)班,yes\n102,4,1,all,英语,赵老师,高一(2)班,yes\n").getBytes(StandardCharsets.UTF_8));
        return t;
    }

    @Test
    public void anEventIsASessionOfTheAgentsRoomAndWinsOverTheLessonsItOverlaps() throws Exception {
        SchoolTimetable t = timetable();
        assertEquals(3, t.sessions(DAY, DAY, null).size());
        long before = t.revision();
        // 08:30-09:00 Shanghai: overlaps periods 1 and 2 of room 101, not room 102's period 1
        Agent agent = new Agent(calendar(event("68b19d11-6aca-413e", "20261126T003000Z", "20261126T010000Z", "物理 公开课"),
                event("bad/uid", "20261126T020000Z", "20261126T021000Z", "x")));
        t.follow(agent);

        List<Session> room = t.sessions(DAY, DAY, "101");
        assertEquals(room.toString(), 1, room.size());
        Session e = room.get(0);
        assertEquals("68b19d11-6aca-413e", e.id());
        assertEquals("物理 公开课", e.course());
        assertEquals("Opencast room-101", e.label());
        assertEquals(0, e.period());
        assertTrue(e.record());
        assertEquals(Instant.parse("2026-11-26T00:30:00Z"), e.start().toInstant());
        assertEquals(SHANGHAI.getRules().getOffset(e.start().toInstant()), e.start().getOffset());
        assertEquals(e, t.session("68b19d11-6aca-413e").orElseThrow());
        assertEquals("room 102 keeps its lesson", 1, t.sessions(DAY, DAY, "102").size());
        assertTrue(t.revision() > before);
        assertFalse("the export is the timetable's own", t.exportCalendarFile().contains("68b19d11"));

        // an event moved off the lessons: both come back beside it; a calendar gone takes its events with it
        agent.ical = calendar(event("68b19d11-6aca-413e", "20261126T060000Z", "20261126T070000Z", "物理 公开课"));
        t.follow(agent);
        assertEquals(3, t.sessions(DAY, DAY, "101").size());
        t.removeCalendar(agent);
        assertEquals(2, t.sessions(DAY, DAY, "101").size());
    }

    @Test
    public void aCalendarThatDoesNotReadKeepsItsLastGoodEvents() throws Exception {
        SchoolTimetable t = timetable();
        Agent agent = new Agent(calendar(event("e1", "20261126T060000Z", "20261126T070000Z", "物理")));
        t.follow(agent);
        agent.ical = "BEGIN:VCALENDAR\r\nnot a calendar";
        t.follow(agent);
        assertTrue(t.session("e1").isPresent());
    }
}
