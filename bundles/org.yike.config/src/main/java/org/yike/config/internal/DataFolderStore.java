package org.yike.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Stream;

import org.apache.felix.cm.PersistenceManager;
import org.apache.felix.cm.file.ConfigurationHandler;
import org.osgi.framework.Constants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ConfigAdmin's configurations as files in one folder, laid out and written as Felix's own
 * {@code felix.cm.dir} store does ({@code org/yike/recording.config}), so an installer may drop a
 * {@code .config} file there. Unlike Felix's store, a change is written to a temporary file that is
 * forced to disk, then renamed over the old one and the folders forced too: once
 * {@code Configuration.update()} returns, a {@code kill -9} or a power cut cannot lose it, and no
 * moment exists in which neither the old nor the new file is there. Files are written readable by
 * their owner only ({@link Files#createTempFile}).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class DataFolderStore implements PersistenceManager {

    private static final Logger LOG = LoggerFactory.getLogger(DataFolderStore.class);
    private static final String EXTENSION = ".config";

    private final Path folder;

    /** The folder is made readable by its owner only: device configurations hold camera passwords. */
    DataFolderStore(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder).toRealPath();
        Files.setPosixFilePermissions(this.folder, PosixFilePermissions.fromString("rwx------"));
    }

    @Override
    public synchronized boolean exists(String pid) {
        return Files.isRegularFile(file(pid));
    }

    @Override
    public synchronized Dictionary load(String pid) throws IOException {
        Path file = file(pid);
        return Files.exists(file) ? read(file) : new Hashtable<>();
    }

    /**
     * Every configuration in the folder. A file that cannot be read is logged and left out: one bad
     * file costs its own configuration, never the start.
     */
    @Override
    public synchronized Enumeration getDictionaries() throws IOException {
        List<Dictionary> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(EXTENSION) && Files.isRegularFile(p)).sorted().toList()) {
                try {
                    Dictionary d = read(f);
                    if (d.get(Constants.SERVICE_PID) == null) d.put(Constants.SERVICE_PID, pid(f));
                    all.add(d);
                } catch (IOException | RuntimeException e) {
                    LOG.error("Configuration file {} cannot be read and is left out", f, e);
                }
            }
        }
        return Collections.enumeration(all);
    }

    @Override
    public synchronized void store(String pid, Dictionary properties) throws IOException {
        Path file = file(pid);
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                ConfigurationHandler.write(out, properties);
                out.flush();
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            forceFolders(file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public synchronized void delete(String pid) throws IOException {
        Path file = file(pid);
        if (Files.deleteIfExists(file)) forceFolders(file);
    }

    /** The folders from the file's up to the store's, so renames and new folders are on disk too. */
    private void forceFolders(Path file) throws IOException {
        for (Path d = file.getParent(); d != null && d.startsWith(folder); d = d.getParent()) {
            try (FileChannel dir = FileChannel.open(d, StandardOpenOption.READ)) {
                dir.force(true);
            }
        }
    }

    private static Dictionary read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ConfigurationHandler.read(in);
        }
    }

    /** Felix's naming: dots become folders, characters other than letters, digits, space, - and _ become %xxxx. */
    Path file(String pid) {
        StringBuilder name = new StringBuilder();
        for (char c : pid.toCharArray()) {
            if (c == '.') {
                name.append('/');
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '-'
                    || c == '_') {
                name.append(c);
            } else {
                name.append('%').append(String.format("%04x", (int) c));
            }
        }
        return folder.resolve(name + EXTENSION);
    }

    /** The pid a file dropped without {@code service.pid} configures, from its path. */
    String pid(Path file) {
        String relative = folder.relativize(file).toString();
        String encoded = relative.substring(0, relative.length() - EXTENSION.length()).replace('/', '.');
        StringBuilder pid = new StringBuilder();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 4 < encoded.length()) {
                pid.append((char) Integer.parseInt(encoded.substring(i + 1, i + 5), 16));
                i += 4;
            } else {
                pid.append(c);
            }
        }
        return pid.toString();
    }
}
