package org.yike.media.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.yike.api.runtime.Settings;

/**
 * Where JavaCPP extracts native libraries. It reads only the JVM system property (not framework
 * properties), and only once, so the property must be set before the first JavaCPP class loads.
 */
final class NativeCache {

    static final String PROPERTY = "org.bytedeco.javacpp.cachedir";

    private NativeCache() {
    }

    /** The cache folder: the property when someone set it, else {@code <data>/native}. */
    static Path prepare(Path dataFolder) throws IOException {
        String set = System.getProperty(PROPERTY);
        Path dir = set != null && !set.isBlank() ? Path.of(set) : dataFolder.resolve("native");
        Files.createDirectories(dir);
        if (!Files.isWritable(dir)) {
            throw new IOException("native library cache " + dir + " is not writable; set " + Settings.DATA
                    + " or " + PROPERTY + " to a writable folder");
        }
        System.setProperty(PROPERTY, dir.toString());
        return dir;
    }
}
