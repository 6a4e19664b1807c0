package org.yike.storage.local.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.yike.api.storage.BlobInfo;
import org.yike.api.storage.BlobStore;
import org.yike.api.storage.Upload;
import org.yike.settings.FrameworkSettings;

/**
 * Blobs as files under a folder, the runtime's data folder unless configured: a key is the file's
 * path below it, so the recordings keep the layout they have always had. An unfinished upload is
 * the hidden file {@code .<name>.upload} beside its blob, moved over it when complete.
 */
@Component(service = BlobStore.class, configurationPid = LocalBlobStore.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, property = BlobStore.KIND + "=local")
@Designate(ocd = LocalStorage.class)
public class LocalBlobStore implements BlobStore {

    static final String PID = "org.yike.storage.local";
    private static final String UPLOADING = ".upload";

    private final Path root;

    @Activate
    public LocalBlobStore(BundleContext context, LocalStorage config) {
        this(config.folder().isBlank() ? FrameworkSettings.of(context).dataFolder()
                : Path.of(config.folder()).toAbsolutePath().normalize());
    }

    /** Outside a framework: tests. */
    public LocalBlobStore(Path root) {
        this.root = root;
    }

    private Path file(String key) {
        return root.resolve(BlobStore.checkKey(key));
    }

    private static Path uploading(Path file) {
        return file.resolveSibling("." + file.getFileName() + UPLOADING);
    }

    private static boolean isUpload(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(UPLOADING);
    }

    @Override
    public Upload upload(String key, boolean resume) throws IOException {
        Path file = file(key);
        Path part = uploading(file);
        Files.createDirectories(file.getParent());
        if (!resume) Files.deleteIfExists(part);
        return new FileUpload(key, file, part);
    }

    @Override
    public InputStream get(String key, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(file(key), StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (offset < 0 || offset > size) {
                throw new IOException("offset " + offset + " is outside " + key + " (" + size + " bytes)");
            }
            channel.position(offset);
            long end = length < 0 ? size : Math.min(size, offset + length);
            return new RangeStream(Channels.newInputStream(channel), end - offset);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public Optional<BlobInfo> stat(String key) throws IOException {
        Path file = file(key);
        try {
            return Optional.of(info(key, Files.readAttributes(file, BasicFileAttributes.class)))
                    .filter(i -> Files.isRegularFile(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static BlobInfo info(String key, BasicFileAttributes a) {
        return new BlobInfo(key, a.size(), a.lastModifiedTime().toInstant());
    }

    @Override
    public List<BlobInfo> list(String prefix) throws IOException {
        // only the folder that holds every key with this prefix is walked
        Path folder = prefix.contains("/") ? root.resolve(BlobStore.checkKey(prefix.substring(0, prefix.lastIndexOf('/'))))
                : root;
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> Files.isRegularFile(f) && !isUpload(f)).map(f -> {
                String key = root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                try {
                    return key.startsWith(prefix) ? info(key, Files.readAttributes(f, BasicFileAttributes.class)) : null;
                } catch (IOException e) {
                    return null; // deleted while listed
                }
            }).filter(i -> i != null).sorted(Comparator.comparing(BlobInfo::key)).toList();
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(file(key));
    }

    @Override
    public Optional<URI> playbackAddress(String key) {
        BlobStore.checkKey(key);
        return Optional.empty();
    }

    private static final class FileUpload implements Upload {

        private final String key;
        private final Path file;
        private final Path part;
        private final FileChannel channel;

        FileUpload(String key, Path file, Path part) throws IOException {
            this.key = key;
            this.file = file;
            this.part = part;
            this.channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public long committed() {
            try {
                return channel.isOpen() ? channel.size() : 0;
            } catch (IOException e) {
                return 0;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            while (buffer.hasRemaining()) channel.write(buffer);
        }

        @Override
        public void complete() throws IOException {
            channel.force(true);
            channel.close();
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void abort() throws IOException {
            channel.close();
            Files.deleteIfExists(part);
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
