package org.yike.connector.skeleton.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongConsumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.yike.api.connector.PlatformConnector;
import org.yike.api.recording.Recording;

/** Copies a recording's files into {@code <folder>/<recording id>/}, reporting the bytes as they go. */
@Component(configurationPid = "org.yike.connector.skeleton")
@Designate(ocd = SkeletonConfig.class)
public class SkeletonConnector implements PlatformConnector {

    static final String TYPE = "skeleton";

    private final SkeletonConfig config;

    @Activate
    public SkeletonConnector(SkeletonConfig config) {
        this.config = config;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void publish(Recording recording, Map<String, Object> target, LongConsumer bytesSent) throws IOException {
        String folder = String.valueOf(target.getOrDefault("folder", config.folder())).trim();
        if (folder.isEmpty()) throw new IOException("no folder to publish to: set folder");
        Path to = Files.createDirectories(Path.of(folder, recording.id()));
        long sent = 0;
        byte[] buffer = new byte[64 * 1024];
        for (Recording.RecordedFile f : recording.files()) {
            Path from = Path.of(f.path());
            try (InputStream in = Files.newInputStream(from); OutputStream out = Files.newOutputStream(to.resolve(from.getFileName()))) {
                for (int n; (n = in.read(buffer)) > 0;) {
                    out.write(buffer, 0, n);
                    bytesSent.accept(sent += n);
                }
            }
        }
    }
}
