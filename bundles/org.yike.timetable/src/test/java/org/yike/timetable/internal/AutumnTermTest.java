package org.yike.timetable.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.yike.api.timetable.Imported;
import org.yike.api.timetable.Session;

/**
 * The autumn term 2025 of a two-room school (src/test/resources/autumn2025), counted by hand.
 * Term 2025-09-01 (Monday, week 1) to 2026-01-16 (Friday, week 20): 20 of each weekday. Holidays
 * 10-01..10-08 (weekdays: Wed 1 w5, Thu 2 w5, Fri 3 w5, Mon 6 w6, Tue 7 w6, Wed 8 w6) and 2026-01-01
 * (Thu, w18). Make-up workdays: Sun 09-28 runs Wed 10-08 (week 6, even), Sat 10-11 runs Tue 10-07
 * (week 6, even). Bells 夏季 until 10-08, 冬季 from 10-09. Exams on Wed 11-12 (week 11, odd).
 * <pre>
 * 101 Mon p1 all       20 − Oct 6                      = 19
 * 101 Mon p2 all       20 − Oct 6                      = 19
 * 101 Wed p3 odd       10 − Oct 1                      =  9  (Nov 12 not recorded)
 * 101 Wed p3 even      10 − Oct 8 + Sep 28             = 10
 * 101 Fri p4 1-8,10-16 15 − Oct 3                      = 14
 * 101 Thu p1 1-15周(单)  8 − Oct 2                      =  7
 * 101 Tue p2 2-16周(双)  8 − Oct 7 + Oct 11             =  8  (record no)
 * 102 Tue p1 all       20 − Oct 7 + Oct 11             = 20
 * 102 Wed p1 9-20周     12                              = 12  (Nov 12 not recorded)
 * 102 Thu p2 1-20      20 − Oct 2 − Jan 1              = 18
 *                                                       136, recorded 136 − 8 − 2 = 126
 * </pre>
 */
public class AutumnTermTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    Path folder;
    SchoolTimetable timetable;

    @Before
    public void newStore() throws IOException {
        folder = Files.createTempDirectory("timetable");
        timetable = new SchoolTimetable(folder, SHANGHAI);
    }

    @After
    public void removeStore() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = AutumnTermTest.class.getResourceAsStream("/autumn2025/" + name)) {
            return in.readAllBytes();
        }
    }

    static void importTerm(SchoolTimetable t) throws IOException {
        t.importBells(resource("bells.csv"));
        t.importCalendar(resource("calendar.csv"));
    }

    List<Session> term() {
        return timetable.sessions(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 1, 16), null);
    }

    List<Session> on(String date) {
        return timetable.sessions(LocalDate.parse(date), LocalDate.parse(date), null);
    }

    static long sessionsOf(List<Session> sessions, String course) {
        return sessions.stream().filter(s -> s.course().equals(course)).count();
    }

    @Test
    public void theCsvTermHasTheHandCountedSessions() throws IOException {
        importTerm(timetable);
        Imported i = timetable.importLessons(resource("timetable.csv"));
        assertEquals(new Imported("lessons", 10, 136, 136, 0, 0), i);
        List<Session> term = term();
        assertEquals(136, term.size());
        assertEquals(126, term.stream().filter(Session::record).count());
        assertEquals(19, sessionsOf(term, "语文"));
        assertEquals(9, sessionsOf(term, "物理"));
        assertEquals(10, sessionsOf(term, "化学"));
        assertEquals(14, sessionsOf(term, "英语"));
        assertEquals(7, sessionsOf(term, "生物"));
        assertEquals(8, sessionsOf(term, "体育"));
        assertEquals(20, term.stream().filter(s -> s.course().equals("数学") && s.room().equals("102")).count());
        assertEquals(12, sessionsOf(term, "历史"));
        assertEquals(18, sessionsOf(term, "地理"));

        // the National Day week and New Year's Day have no lessons
        assertTrue(timetable.sessions(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 8), null).isEmpty());
        assertTrue(on("2026-01-01").isEmpty());
        // Sunday 09-28 runs Wednesday 10-08's lessons of week 6 (even: 化学, not 物理), at that Sunday's summer bells
        List<Session> sunday = on("2025-09-28");
        assertEquals(1, sunday.size());
        Session s = sunday.get(0);
        assertEquals("化学", s.course());
        assertEquals(6, s.week());
        assertEquals(OffsetDateTime.parse("2025-09-28T10:00+08:00"), s.start());
        assertEquals(OffsetDateTime.parse("2025-09-28T10:45+08:00"), s.end());
        // Saturday 10-11 runs Tuesday 10-07's lessons, at winter bells
        List<Session> saturday = on("2025-10-11");
        assertEquals(List.of("数学", "体育"), saturday.stream().map(Session::course).toList());
        assertEquals(OffsetDateTime.parse("2025-10-11T08:10+08:00"), saturday.get(0).start());
        assertFalse("体育 is not recorded", saturday.get(1).record());
        // the bells switch: Monday's first lesson at 08:00 before 10-09, 08:10 after, with its label
        assertEquals(OffsetDateTime.parse("2025-09-29T08:00+08:00"), on("2025-09-29").get(0).start());
        assertEquals(OffsetDateTime.parse("2025-10-13T08:10+08:00"), on("2025-10-13").get(0).start());
        assertEquals("第1节", on("2025-10-13").get(0).label());
        // back-to-back is no conflict; the exam day lists its lessons unrecorded
        assertTrue(on("2025-11-12").stream().noneMatch(Session::record));
        assertEquals(2, on("2025-11-12").size());
        // English skips week 9
        assertEquals(0, sessionsOf(on("2025-10-31"), "英语"));
        assertEquals(1, sessionsOf(on("2025-11-07"), "英语"));
    }

    /**
     * The same term for rooms 101 (语文, 物理, 化学) and 102 (数学) as a calendar app writes it: a
     * series before and after the bell switch, EXDATEs for the holidays, RDATEs for the make-up days,
     * and one Monday lesson moved to period 5 by RECURRENCE-ID. 语文 19, 物理 9, 化学 10, 数学 20 = 58.
     */
    @Test
    public void theICalendarTermHasTheHandCountedSessions() throws IOException {
        importTerm(timetable);
        Imported i = timetable.importCalendarFile(resource("lessons.ics"));
        List<Session> term = term();
        assertEquals(term.stream().map(x -> x.date() + " " + x.course()).toList().toString(), 58, i.sessions());
        assertEquals(58, term.size());
        assertEquals(57, term.stream().filter(Session::record).count());
        assertEquals(19, sessionsOf(term, "语文"));
        assertEquals(9, sessionsOf(term, "物理"));
        assertEquals(10, sessionsOf(term, "化学"));
        assertEquals(20, sessionsOf(term, "数学"));
        Session moved = on("2025-11-17").get(0);
        assertEquals(5, moved.period());
        assertEquals(OffsetDateTime.parse("2025-11-17T14:00+08:00"), moved.start());
        assertEquals("张老师", on("2025-09-03").get(0).teacher());
        assertEquals("高一(2)班", on("2025-10-11").get(0).schoolClass());
        assertEquals(6, on("2025-09-28").get(0).week());

        // the CSV sessions of the same lessons have the same ids
        SchoolTimetable csv = new SchoolTimetable(folder.resolve("csv"), SHANGHAI);
        importTerm(csv);
        csv.importLessons(resource("timetable.csv"));
        LocalDate first = LocalDate.of(2025, 9, 1);
        LocalDate last = LocalDate.of(2026, 1, 16);
        assertEquals(csv.sessions(first, last, "102").stream().filter(x -> x.course().equals("数学")).map(Session::id).toList(),
                timetable.sessions(first, last, "102").stream().map(Session::id).toList());
    }

    @Test
    public void csvToICalendarToSessionsKeepsEverySessionAndId() throws IOException {
        importTerm(timetable);
        timetable.importLessons(resource("timetable.csv"));
        String ics = timetable.exportCalendarFile();
        assertTrue(ics, ics.contains("DTSTART:20250901T000000Z"));

        SchoolTimetable back = new SchoolTimetable(folder.resolve("back"), SHANGHAI);
        importTerm(back);
        Imported i = back.importCalendarFile(ics.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(136, i.sessions());
        assertEquals(term(), back.sessions(LocalDate.of(2025, 9, 1), LocalDate.of(2026, 1, 16), null));
    }

    @Test
    public void aRestartReadsTheSameSessionsFromTheDataFolder() throws IOException {
        importTerm(timetable);
        timetable.importLessons(resource("timetable.csv"));
        assertEquals(term(), new SchoolTimetable(folder, SHANGHAI).sessions(LocalDate.of(2025, 9, 1),
                LocalDate.of(2026, 1, 16), null));
    }

    @Test
    public void reimportingAnEditedFileChangesOnlyTheSessionsItChanges() throws IOException {
        importTerm(timetable);
        timetable.importLessons(resource("timetable.csv"));
        Session before = on("2025-09-01").get(0);
        String edited = new String(resource("timetable.csv"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("101,1,1,all,语文,王老师", "101,1,1,all,语文,钱老师");
        Imported i = timetable.importLessons(edited.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(new Imported("lessons", 10, 136, 0, 19, 0), i);
        Session after = on("2025-09-01").get(0);
        assertEquals(before.id(), after.id());
        assertEquals("钱老师", after.teacher());
    }
}
