package org.yike.catalog.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.yike.api.catalog.Catalog;
import org.yike.api.catalog.Lesson;
import org.yike.api.catalog.LessonFile;
import org.yike.api.catalog.LessonState;
import org.yike.api.catalog.Playback;
import org.yike.media.MediaRuntime;

/**
 * HLS, posters and chapter pictures, made with the FFmpeg that came with Yike on first request and
 * kept under the lesson's {@code playback/} folder. Only where media works; the catalog does without.
 */
@Component(service = Playback.class)
public class LessonPlayback implements Playback {

    private static final String FOLDER = "playback";
    private static final int SEGMENT_SECONDS = 6;
    private static final Pattern HLS_FILE = Pattern.compile("index\\.m3u8|init\\.mp4|segment-\\d{5}\\.m4s");

    private final Catalog catalog;
    private final MediaRuntime media;
    /** One making of each thing at a time; a second request waits for the first and takes its result. */
    private final ConcurrentHashMap<Path, Object> making = new ConcurrentHashMap<>();

    @Activate
    public LessonPlayback(@Reference Catalog catalog, @Reference MediaRuntime media) {
        this.catalog = catalog;
        this.media = media;
    }

    @Override
    public Optional<Path> hls(String id, String stream, String name) {
        if (!HLS_FILE.matcher(name).matches()) return Optional.empty();
        Lesson l = finished(id);
        List<String> streams = l.files().stream().filter(f -> !"metadata".equals(f.role()))
                .map(f -> f.name().replaceFirst("\\.mp4$", "")).toList();
        if (!streams.contains(stream)) {
            throw new IllegalArgumentException("lesson " + id + " has no stream " + stream + "; its streams: " + streams);
        }
        Path video = catalog.file(id, stream + ".mp4")
                .orElseThrow(() -> new IllegalArgumentException("the file of stream " + stream + " is gone"));
        Path dir = folder(id).resolve("hls").resolve(stream);
        made(dir.resolve("index.m3u8"), video, () -> {
            Path tmp = dir.resolveSibling(stream + ".making");
            LessonFolder.deleteTree(tmp);
            Files.createDirectories(tmp);
            media.hls(video, tmp, SEGMENT_SECONDS);
            LessonFolder.deleteTree(dir);
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        });
        Path file = dir.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public Path poster(String id) {
        Lesson l = finished(id);
        Path video = program(l);
        double seconds = l.durationMillis() == null ? 0 : Math.min(10, l.durationMillis() / 2000.0);
        return still(folder(id).resolve("poster.jpg"), video, seconds, 640);
    }

    @Override
    public Path thumbnail(String id, int chapter) {
        Lesson l = finished(id);
        if (chapter < 0 || chapter >= l.chapters().size()) {
            throw new IllegalArgumentException("lesson " + id + " has " + l.chapters().size() + " chapters, numbered from 0");
        }
        long at = l.chapters().get(chapter).atMillis();
        // half a second in: the chapter's shot is on screen from its first frame, a dissolve has ended
        return still(folder(id).resolve("chapter-" + at + ".jpg"), program(l), (at + 500) / 1000.0, 320);
    }

    private Path still(Path jpeg, Path video, double seconds, int width) {
        made(jpeg, video, () -> {
            Path tmp = jpeg.resolveSibling(jpeg.getFileName() + ".making.jpg");
            media.still(video, seconds, width, tmp);
            Files.move(tmp, jpeg, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        });
        return jpeg;
    }

    private interface Making {
        void make() throws IOException;
    }

    /** Makes {@code result} unless it is there and newer than the video it comes from. */
    private void made(Path result, Path video, Making how) {
        synchronized (making.computeIfAbsent(result, k -> new Object())) {
            try {
                if (Files.isRegularFile(result)
                        && Files.getLastModifiedTime(result).compareTo(Files.getLastModifiedTime(video)) >= 0) {
                    return;
                }
                Files.createDirectories(result.getParent());
                how.make();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make " + result.getFileName() + " from " + video.getFileName()
                        + ": " + e.getMessage(), e);
            }
        }
    }

    private Lesson finished(String id) {
        Lesson l = catalog.get(id).orElseThrow(() -> new IllegalArgumentException("no lesson " + id));
        if (l.state() == LessonState.RECORDING) {
            throw new IllegalStateException("lesson " + id + " is still recording; its files grow until it ends");
        }
        return l;
    }

    private Path program(Lesson l) {
        return l.files().stream().filter(f -> "program".equals(f.role())).map(LessonFile::name).findFirst()
                .flatMap(name -> catalog.file(l.id(), name))
                .orElseThrow(() -> new IllegalArgumentException("lesson " + l.id() + " has no program video"));
    }

    private Path folder(String id) {
        return catalog.folder(id).orElseThrow(() -> new IllegalArgumentException("no lesson " + id)).resolve(FOLDER);
    }
}
