package org.yike.encoder.x264.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.encoder.EncoderBackend;
import org.yike.api.encoder.Encoding;
import org.yike.api.encoder.Profile;
import org.yike.settings.FrameworkSettings;

/**
 * x264 in the GPL build of FFmpeg, run as its own process: one JVM can hold only one FFmpeg build,
 * and keeping the GPL one out of the JVM keeps Yike itself LGPL.
 */
@Component
public class X264Backend implements EncoderBackend {

    static final String ID = "x264";
    private static final Logger LOG = LoggerFactory.getLogger(X264Backend.class);

    private final Path ffmpeg;

    @Activate
    public X264Backend(BundleContext context) {
        this(FrameworkSettings.of(context).dataFolder());
    }

    /** @param dataFolder the GPL FFmpeg is extracted under its {@code native/} */
    X264Backend(Path dataFolder) {
        Path found = null;
        try {
            found = GplFfmpeg.extract(dataFolder.resolve("native").resolve("linux-x86_64-gpl"));
            if (!hasX264(found)) throw new IOException(found + " has no libx264");
            LOG.info("x264 encoder available ({})", found);
        } catch (IOException e) {
            // usually a runtime without the GPL build, which the message says: the trace at DEBUG
            LOG.error("x264 encoder not available: {}", e.getMessage());
            LOG.debug("x264 encoder not available", e);
            found = null;
        }
        ffmpeg = found;
    }

    private static boolean hasX264(Path ffmpeg) throws IOException {
        ProcessBuilder b = new ProcessBuilder(ffmpeg.toString(), "-hide_banner", "-encoders").redirectErrorStream(true);
        b.environment().put("LD_LIBRARY_PATH", ffmpeg.getParent().toString());
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out.contains("libx264");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public boolean available() {
        return ffmpeg != null;
    }

    @Override
    public Encoding open(Profile profile, Path file) throws IOException {
        if (ffmpeg == null) throw new IOException("x264 is not available: its GPL ffmpeg did not start here");
        return new ProcessEncoding(ffmpeg, profile, file, List.of("-c:v", "libx264", "-preset", "veryfast"));
    }
}
