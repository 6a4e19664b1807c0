package org.yike.modules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.osgi.framework.Bundle;

/**
 * What survives a restart: each module's version, origin and jar, and the jar it replaced (for a
 * rollback), in {@code <data>/module-store/} ({@code state.json} and {@code jars/}). The framework's
 * own storage is rebuilt at each start, so the modules are installed again from here.
 */
final class ModuleStore {

    /** A module as stored; {@code previous*} null when there is nothing to return to. */
    record Entry(String bsn, String version, String source, String signer, String jar, String sha256,
            boolean shipped, String previousVersion, String previousJar, String previousSigner) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path folder;
    private final Path jars;
    private final Map<String, Entry> entries;

    ModuleStore(Path folder) throws IOException {
        this.folder = folder;
        this.jars = folder.resolve("jars");
        Files.createDirectories(jars);
        Path state = folder.resolve("state.json");
        entries = Files.exists(state) ? JSON.readValue(state.toFile(), new TypeReference<TreeMap<String, Entry>>() { })
                : new TreeMap<>();
    }

    synchronized Map<String, Entry> entries() {
        return Map.copyOf(entries);
    }

    synchronized Entry get(String bsn) {
        return entries.get(bsn);
    }

    synchronized void put(Entry e) throws IOException {
        entries.put(e.bsn(), e);
        save();
    }

    synchronized void remove(String bsn) throws IOException {
        entries.remove(bsn);
        save();
    }

    Path jar(String name) {
        return jars.resolve(name);
    }

    /** Keeps a jar under a name of its bundle and version; returns that name. */
    String keep(Path jar, String bsn, String version) throws IOException {
        String name = bsn + "-" + version + ".jar";
        Files.copy(jar, jars.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        return name;
    }

    /** A file to download into, in the store's folder (so a later move is atomic). */
    Path incoming() throws IOException {
        return Files.createTempFile(folder, "incoming-", ".jar");
    }

    /**
     * A jar of a bundle's current content, entry by entry (signature files included), for a bundle
     * that came with the runtime: the only way back to it once it has been updated.
     */
    String snapshot(Bundle bundle) throws IOException {
        String name = bundle.getSymbolicName() + "-" + bundle.getVersion() + ".jar";
        Path target = jars.resolve(name);
        Path partial = incoming();
        try (OutputStream out = Files.newOutputStream(partial); JarOutputStream jar = new JarOutputStream(out)) {
            URL manifest = bundle.getEntry(JarFile.MANIFEST_NAME);
            if (manifest != null) copy(jar, JarFile.MANIFEST_NAME, manifest);
            for (URL u : Collections.list(bundle.findEntries("/", "*", true))) {
                String path = u.getPath().replaceFirst("^/+", "");
                if (path.endsWith("/") || path.equals(JarFile.MANIFEST_NAME)) continue;
                copy(jar, path, u);
            }
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return name;
    }

    private static void copy(JarOutputStream jar, String path, URL from) throws IOException {
        jar.putNextEntry(new JarEntry(path));
        try (InputStream in = from.openStream()) {
            in.transferTo(jar);
        }
        jar.closeEntry();
    }

    private void save() throws IOException {
        Path state = folder.resolve("state.json");
        Path partial = folder.resolve("state.json.partial");
        JSON.writeValue(partial.toFile(), entries);
        Files.move(partial, state, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
