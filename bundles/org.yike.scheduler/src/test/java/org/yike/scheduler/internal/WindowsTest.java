package org.yike.scheduler.internal;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.junit.Test;
import org.yike.api.timetable.Session;

public class WindowsTest {

    private static Session session(String room, int period, String start, String end, boolean record) {
        return new Session(room + "-" + period, room, LocalDate.of(2025, 9, 1), period, "第" + period + "节",
                OffsetDateTime.parse("2025-09-01T" + start + "+08:00"), OffsetDateTime.parse("2025-09-01T" + end + "+08:00"),
                "数学", null, null, record, 1);
    }

    private static Instant at(String time) {
        return OffsetDateTime.parse("2025-09-01T" + time + "+08:00").toInstant();
    }

    @Test
    public void aLessonIsRecordedFromItsPreRollToItsPostRoll() {
        List<Windows.Window> w = Windows.of(List.of(session("101", 1, "08:00", "08:45", true)), Duration.ofSeconds(60),
                Duration.ofSeconds(30));
        assertEquals(at("07:59"), w.get(0).from());
        assertEquals(at("08:45:30"), w.get(0).to());
    }

    @Test
    public void backToBackLessonsChangeRecordingAtTheBell() {
        List<Windows.Window> w = Windows.of(List.of(session("101", 2, "08:45", "09:30", true),
                session("101", 1, "08:00", "08:45", true), session("102", 1, "08:00", "08:45", true)),
                Duration.ofSeconds(60), Duration.ofSeconds(120));
        assertEquals(3, w.size());
        Windows.Window first = w.stream().filter(x -> x.session().id().equals("101-1")).findFirst().orElseThrow();
        Windows.Window second = w.stream().filter(x -> x.session().id().equals("101-2")).findFirst().orElseThrow();
        assertEquals(at("08:45"), first.to());
        assertEquals(at("08:45"), second.from());
        assertEquals(at("09:32"), second.to());
        // the other room keeps its whole post-roll
        assertEquals(at("08:47"), w.stream().filter(x -> x.session().room().equals("102")).findFirst().orElseThrow().to());
    }

    @Test
    public void aShortBreakSplitsBetweenPostRollAndPreRoll() {
        List<Windows.Window> w = Windows.of(List.of(session("101", 1, "08:00", "08:45", true),
                session("101", 2, "08:47", "09:30", true)), Duration.ofSeconds(60), Duration.ofSeconds(300));
        assertEquals(at("08:46"), w.get(0).to());
        assertEquals(at("08:46"), w.get(1).from());
    }

    @Test
    public void lessonsNotToRecordHaveNoWindow() {
        assertEquals(List.of(), Windows.of(List.of(session("101", 1, "08:00", "08:45", false)), Duration.ZERO, Duration.ZERO));
    }
}
