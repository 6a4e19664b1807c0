package org.yike.modules.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.modules.AuditLog;
import org.yike.settings.FrameworkSettings;

/** The audit log: one JSON object a line in {@code <data>/audit.log}, appended and never rewritten. */
@Component(service = AuditLog.class)
public class JsonAuditLog implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(JsonAuditLog.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Path file;

    @Activate
    public JsonAuditLog(BundleContext context) {
        this(FrameworkSettings.of(context).dataFolder().resolve("audit.log"));
    }

    /** Outside a framework: other bundles' tests, through TestServices. */
    public JsonAuditLog(Path file) {
        this.file = file;
    }

    @Override
    public synchronized void record(String who, String action, String subject, String result) {
        Entry e = new Entry(Instant.now(), who, action, subject, result);
        LOG.info("{} {} {}: {}", who, action, subject, result);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, (JSON.writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException failed) {
            LOG.error("The audit log {} cannot be written", file, failed);
        }
    }

    @Override
    public synchronized List<Entry> last(int count) {
        if (!Files.exists(file)) return List.of();
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<Entry> entries = new ArrayList<>();
            for (String line : lines.subList(Math.max(0, lines.size() - count), lines.size())) {
                if (!line.isBlank()) entries.add(JSON.readValue(line, Entry.class));
            }
            return entries;
        } catch (IOException e) {
            throw new IllegalStateException("the audit log " + file + " cannot be read: " + e.getMessage(), e);
        }
    }
}
