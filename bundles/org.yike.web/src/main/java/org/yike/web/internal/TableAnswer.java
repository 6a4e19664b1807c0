package org.yike.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletResponse;

import org.yike.api.report.Table;
import org.yike.api.report.TableWriter;

/**
 * A call's answer as a report file instead of JSON: {@code ?format=xlsx} (the writer registered for that
 * format) or an Accept header that prefers a writer's media type to JSON. The writers are optional bundles;
 * a format or type none of those installed writes is refused with 406 and the formats there are.
 */
final class TableAnswer {

    private static final List<String> JSON_TYPES = List.of("application/json", "application/*", "*/*");

    private TableAnswer() {
    }

    /** The writer the call asks for, with its format; none: JSON. */
    static Optional<TableWriter> writer(String format, String accept, List<Map.Entry<Map<String, Object>, TableWriter>> writers) {
        if (format != null) {
            if (format.equalsIgnoreCase("json")) return Optional.empty();
            return Optional.of(writers.stream().filter(w -> format.equalsIgnoreCase(String.valueOf(w.getKey().get(TableWriter.FORMAT))))
                    .findFirst().orElseThrow(() -> new Refused(406, "no writer for the format '" + format + "' is installed here; formats: "
                            + formats(writers))).getValue());
        }
        if (accept == null || accept.isBlank()) return Optional.empty();
        for (String type : preferred(accept)) {
            if (JSON_TYPES.contains(type)) return Optional.empty();
            for (var w : writers) if (w.getValue().mediaType().equalsIgnoreCase(type)) return Optional.of(w.getValue());
        }
        throw new Refused(406, "Accept: " + accept + " names no type this call answers: application/json or ?format= "
                + formats(writers));
    }

    /** Writes the table whole first, so that a writer's failure is answered as one, not as half a file. */
    static void send(HttpServletResponse resp, TableWriter writer, Table table) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        writer.write(table, file);
        resp.setStatus(200);
        resp.setContentType(writer.mediaType());
        resp.setHeader("Content-Disposition", FileAnswer.attachment(table.title() + "." + writer.extension()));
        resp.setContentLength(file.size());
        file.writeTo(resp.getOutputStream());
    }

    /** The media types of an Accept header, the most wanted first (by q, then as listed); those with q=0 left out. */
    static List<String> preferred(String accept) {
        record Type(String name, double q) {
        }
        List<Type> types = new ArrayList<>();
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                if (p.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(p.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (q > 0 && !parts[0].isBlank()) types.add(new Type(parts[0].strip().toLowerCase(Locale.ROOT), q));
        }
        // List.sort is stable: equal q keep their order
        types.sort(Comparator.comparingDouble(Type::q).reversed());
        return types.stream().map(Type::name).toList();
    }

    private static String formats(List<Map.Entry<Map<String, Object>, TableWriter>> writers) {
        TreeSet<String> formats = new TreeSet<>(List.of("json"));
        writers.forEach(w -> formats.add(String.valueOf(w.getKey().get(TableWriter.FORMAT))));
        return String.join(", ", formats);
    }
}
