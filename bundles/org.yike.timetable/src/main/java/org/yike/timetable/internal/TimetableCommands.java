package org.yike.timetable.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.yike.api.timetable.Imported;
import org.yike.api.timetable.Session;
import org.yike.api.timetable.Timetable;
import org.yike.api.timetable.TimetableRejected;

/**
 * Gogo commands: {@code yike:timetable bells|calendar|lessons|ical <file>} imports a part,
 * {@code yike:schedule [from [to [room]]]} lists the sessions (default: today).
 */
@Component(service = TimetableCommands.class, property = {"osgi.command.scope=yike",
        "osgi.command.function=timetable", "osgi.command.function=schedule"})
public class TimetableCommands {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Reference
    Timetable timetable;

    public String timetable(String part, String file) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of(file));
        try {
            Imported i = switch (part) {
                case "bells" -> timetable.importBells(bytes);
                case "calendar" -> timetable.importCalendar(bytes);
                case "lessons" -> timetable.importLessons(bytes);
                case "ical" -> timetable.importCalendarFile(bytes);
                default -> throw new IllegalArgumentException("import bells, calendar, lessons or ical, not '" + part + "'");
            };
            return String.format("%s: %d rows; %d sessions (%d new, %d changed, %d gone)%n", i.what(), i.rows(), i.sessions(),
                    i.added(), i.changed(), i.removed());
        } catch (TimetableRejected e) {
            StringBuilder out = new StringBuilder(file + " refused, nothing imported:\n");
            e.errors().forEach(r -> out.append("  row ").append(r.row()).append(": ").append(r.reason()).append('\n'));
            return out.toString();
        }
    }

    public String schedule() {
        return schedule(LocalDate.now().toString());
    }

    public String schedule(String day) {
        return schedule(day, day);
    }

    public String schedule(String from, String to) {
        return schedule(from, to, null);
    }

    public String schedule(String from, String to, String room) {
        StringBuilder out = new StringBuilder();
        for (Session s : timetable.sessions(LocalDate.parse(from), LocalDate.parse(to), room)) {
            out.append(String.format("%s  %s %s-%s  %-8s %-6s %s %s %s%s%n", s.id(), s.date(), s.start().format(TIME),
                    s.end().format(TIME), s.room(), s.label(), s.course(), s.teacher() == null ? "" : s.teacher(),
                    s.schoolClass() == null ? "" : s.schoolClass(), s.record() ? "" : "  (not recorded)"));
        }
        return out.toString();
    }
}
