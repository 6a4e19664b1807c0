package org.yike.timetable.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import org.junit.Test;
import org.yike.api.timetable.RowError;
import org.yike.api.timetable.Session;
import org.yike.api.timetable.TimetableRejected;

/** Bad input is refused whole, every bad row named, and nothing of it is kept; GBK from Excel reads as UTF-8 does. */
public class RefusedTest extends AutumnTermTest {

    private List<RowError> refused(Runnable importing) {
        try {
            importing.run();
        } catch (TimetableRejected e) {
            return e.errors();
        }
        fail("not refused");
        return null;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRows(List<RowError> errors, int... rows) {
        assertEquals(errors.toString(), rows.length, errors.size());
        for (int i = 0; i < rows.length; i++) assertEquals(errors.toString(), rows[i], errors.get(i).row());
    }

    @Test
    public void everyBadLessonRowIsRefusedWithItsRowAndNothingIsImported() throws IOException {
        importTerm(timetable);
        timetable.importLessons(resource("timetable.csv"));
        List<Session> before = term();
        byte[] kept = Files.readAllBytes(folder.resolve(SchoolTimetable.LESSONS));
        List<RowError> errors = refused(() -> timetable.importLessons(utf8("""
                room,weekday,period,weeks,course,teacher,class,record
                101,1,1,all,语文,王老师,高一(1)班,yes
                101,8,1,all,语文,王老师,高一(1)班,yes
                101,1,x,all,语文,王老师,高一(1)班,yes
                101,2,1,1-3x,语文,王老师,高一(1)班,yes
                101,2,2,all,,王老师,高一(1)班,yes
                101,2,3,all,语文,王老师,高一(1)班,maybe
                ,2,4,all,语文,王老师,高一(1)班,yes
                101,2,9,all,语文,王老师,高一(1)班,yes
                101,2,5,9-3,语文,王老师,高一(1)班,yes
                """)));
        // the rows that do not read, then row 9, which reads but has a period no bell profile has (two profiles)
        assertRows(errors, 3, 4, 5, 6, 7, 8, 10, 9, 9);
        assertTrue(errors.get(0).reason(), errors.get(0).reason().contains("weekday '8'"));
        assertTrue(errors.get(2).reason(), errors.get(2).reason().contains("1-3x"));
        assertTrue(errors.get(3).reason(), errors.get(3).reason().contains("course is empty"));
        assertTrue(errors.get(4).reason(), errors.get(4).reason().contains("neither yes nor no"));
        assertTrue(errors.get(7).reason(), errors.get(7).reason().startsWith("period 9 is not a bell of profile"));
        // alone, against both profiles
        errors = refused(() -> timetable.importLessons(utf8("""
                room,weekday,period,weeks,course
                101,2,9,all,语文
                """)));
        assertRows(errors, 2, 2);
        assertTrue(errors.get(0).reason(), errors.get(0).reason().startsWith("period 9 is not a bell of profile"));
        assertEquals(before, term());
        assertEquals(new String(kept, StandardCharsets.UTF_8),
                new String(Files.readAllBytes(folder.resolve(SchoolTimetable.LESSONS)), StandardCharsets.UTF_8));
    }

    @Test
    public void twoLessonsInOneRoomAtOneTimeAreAConflictOnceForEachPairOfRows() throws IOException {
        importTerm(timetable);
        List<RowError> errors = refused(() -> timetable.importLessons(utf8("""
                room,weekday,period,weeks,course
                101,1,1,1-10,语文
                101,1,2,all,数学
                102,1,1,all,语文
                101,1,1,10-20,英语
                101,1,1,odd,物理
                """)));
        // row 5 meets row 2 in week 10, row 6 meets row 2 in week 1 (and row 5 in week 11)
        assertRows(errors, 6, 5, 6);
        assertTrue(errors.get(0).reason(), errors.get(0).reason().contains("room 101 already has a lesson then (row 2, 语文)"));
        assertTrue(term().isEmpty());
    }

    @Test
    public void aRowThatDoesNotReadAndAConflictAmongTheRowsThatDoAreNamedInOneAnswer() throws IOException {
        importTerm(timetable);
        timetable.importLessons(resource("timetable.csv"));
        List<Session> before = term();
        List<RowError> errors = refused(() -> timetable.importLessons(utf8("""
                room,weekday,period,weeks,course
                101,1,1,all,语文
                101,1,2,all,数学
                102,1,1,all,英语
                102,2,1,all,历史
                101,3,1,all,物理
                101,周三,2,all,化学
                101,3,1,odd,生物
                """)));
        assertRows(errors, 7, 8);
        assertTrue(errors.get(0).reason(), errors.get(0).reason().contains("weekday '周三' is not a number from 1 to 7"));
        assertTrue(errors.get(1).reason(), errors.get(1).reason().contains("room 101 already has a lesson then (row 6, 物理)"));
        assertEquals(before, term());
    }

    /** The same for iCalendar: each problem names the line of its event's BEGIN:VEVENT. */
    @Test
    public void anEventThatIsNoLessonAndAConflictAmongTheOthersAreNamedInOneAnswer() throws IOException {
        importTerm(timetable);
        List<RowError> errors = refused(() -> timetable.importCalendarFile(utf8("""
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//Example School//Timetable export//ZH
                BEGIN:VEVENT
                UID:yuwen@school.example
                DTSTAMP:20250820T000000Z
                SUMMARY:语文
                LOCATION:101
                DTSTART;TZID=Asia/Shanghai:20250901T080000
                DTEND;TZID=Asia/Shanghai:20250901T084500
                END:VEVENT
                BEGIN:VEVENT
                UID:shuxue@school.example
                DTSTAMP:20250820T000000Z
                SUMMARY:数学
                DTSTART;TZID=Asia/Shanghai:20250902T080000
                DTEND;TZID=Asia/Shanghai:20250902T084500
                END:VEVENT
                BEGIN:VEVENT
                UID:wuli@school.example
                DTSTAMP:20250820T000000Z
                SUMMARY:物理
                LOCATION:101
                DTSTART;TZID=Asia/Shanghai:20250901T080000
                DTEND;TZID=Asia/Shanghai:20250901T084500
                END:VEVENT
                END:VCALENDAR
                """)));
        assertRows(errors, 12, 19);
        assertTrue(errors.get(0).reason(), errors.get(0).reason().contains("no LOCATION"));
        assertTrue(errors.get(1).reason(), errors.get(1).reason().contains("room 101 already has a lesson then (row 4, 语文)"));
        assertTrue(term().isEmpty());
    }

    @Test
    public void everyBadBellAndCalendarRowIsRefused() throws IOException {
        List<RowError> errors = refused(() -> timetable.importBells(utf8("""
                profile,period,label,start,end
                夏季,1,第1节,08:00,08:45
                夏季,2,第2节,8点,08:45
                夏季,3,第3节,10:00,09:45
                夏季,1,第1节,11:00,11:45
                夏季,4,第4节,08:30,09:00
                """)));
        assertRows(errors, 3, 4, 5, 6);
        assertTrue(errors.get(3).reason(), errors.get(3).reason().contains("overlaps period 1"));
        timetable.importBells(resource("bells.csv"));
        errors = refused(() -> timetable.importCalendar(utf8("""
                date,kind,follows_date,bell_profile,note
                2025-09-01,term_start,,夏季,
                2025-13-01,holiday,,,
                2025-10-01,vacation,,,
                2025-10-02,workday,,,
                2025-10-03,holiday,,,
                2025-10-03,workday,2025-10-01,,
                2025-10-09,bells,,秋季,
                2026-02-01,workday,2025-10-10,,
                2026-01-16,term_end,,,
                2025-09-01,term_start,,夏季,
                """)));
        assertRows(errors, 3, 4, 5, 7, 11, 9);
        assertTrue(errors.get(5).reason(), errors.get(5).reason().contains("not inside the term"));
        // a file whose rows all read is checked against the bells
        errors = refused(() -> timetable.importCalendar(utf8("""
                date,kind,follows_date,bell_profile,note
                2025-09-01,term_start,,夏季,
                2025-10-09,bells,,秋季,
                2026-01-16,term_end,,,
                """)));
        assertRows(errors, 3);
        assertTrue(errors.get(0).reason(), errors.get(0).reason().contains("'秋季' is not in bells.csv (it has 冬季, 夏季)"));
        errors = refused(() -> timetable.importCalendar(utf8("date,kind\n2025-09-01,holiday\n")));
        assertRows(errors, 3, 3);
        assertTrue(timetable.sessions(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 12, 31), null).isEmpty());
    }

    @Test
    public void aHeaderWithoutItsColumnsIsRefusedAsRowOne() {
        List<RowError> errors = refused(() -> timetable.importBells(utf8("name,from,to\n夏季,08:00,08:45\n")));
        assertRows(errors, 1);
        assertTrue(errors.get(0).reason(), errors.get(0).reason().contains("lacks end, period, profile, start"));
    }

    @Test
    public void aGbkFileFromExcelReadsAsItsUtf8Twin() throws IOException {
        Charset gbk = Charset.forName("GBK");
        importTerm(timetable);
        timetable.importLessons(new String(resource("timetable.csv"), StandardCharsets.UTF_8).getBytes(gbk));
        List<Session> fromGbk = term();
        assertEquals("高一(1)班", fromGbk.get(0).schoolClass());
        timetable.importLessons(resource("timetable.csv"));
        assertEquals(fromGbk, term());
        // with a BOM too
        byte[] bom = new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] csv = resource("timetable.csv");
        byte[] withBom = new byte[bom.length + csv.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(csv, 0, withBom, 3, csv.length);
        assertEquals(0, timetable.importLessons(withBom).changed());
    }

    @Test
    public void aFileThatIsNeitherUtf8NorGbkIsRefusedNotGarbled() throws IOException {
        importTerm(timetable);
        byte[] latin = "room,weekday,period,weeks,course\n101,1,1,all,Fran\u00e7ais \u00ff\n".getBytes(StandardCharsets.ISO_8859_1);
        List<RowError> errors = refused(() -> timetable.importLessons(latin));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).reason(), errors.get(0).reason().contains("neither UTF-8 nor GBK"));
        assertTrue(term().isEmpty());
    }
}
