package org.yike.encoder.x264.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The GPL build's {@code ffmpeg} executable, copied out of this bundle next to the libraries it
 * needs, under the data folder. Copied again only when a file's size changed (a new version).
 */
final class GplFfmpeg {

    static final String FOLDER = "org/bytedeco/ffmpeg/linux-x86_64-gpl";

    private GplFfmpeg() {
    }

    /** Extracts the executable and its libraries into {@code into}; answers the executable. */
    static Path extract(Path into) throws IOException {
        Files.createDirectories(into);
        for (URL entry : entries()) {
            String name = entry.getPath().substring(entry.getPath().lastIndexOf('/') + 1);
            if (name.isEmpty()) continue;
            Path target = into.resolve(name);
            try (InputStream in = entry.openStream()) {
                long size = entry.openConnection().getContentLengthLong();
                if (Files.isRegularFile(target) && Files.size(target) == size) continue;
                Path tmp = into.resolve(name + ".part");
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Path ffmpeg = into.resolve("ffmpeg");
        if (!Files.isRegularFile(ffmpeg)) throw new IOException("this bundle holds no GPL ffmpeg executable");
        ffmpeg.toFile().setExecutable(true, true);
        return ffmpeg;
    }

    /** In the framework the bundle's entries; on a plain class path (tests) the folder's files. */
    private static List<URL> entries() throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(GplFfmpeg.class);
        if (bundle != null) {
            var found = bundle.findEntries(FOLDER, "*", false);
            return found == null ? List.of() : Collections.list(found);
        }
        URL folder = GplFfmpeg.class.getClassLoader().getResource(FOLDER);
        if (folder == null) return List.of();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            List<URL> urls = new ArrayList<>();
            for (Path p : (Iterable<Path>) files::iterator) urls.add(p.toUri().toURL());
            return urls;
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }
}
