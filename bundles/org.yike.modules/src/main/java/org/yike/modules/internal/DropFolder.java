package org.yike.modules.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.modules.ModuleRefused;

/**
 * {@code <data>/modules/}, looked at every few seconds (as Felix File Install does): a new or
 * changed signed jar installs with the same checks as from a repository; a removed one uninstalls.
 * A refused jar is tried again only when it changes.
 */
final class DropFolder {

    private static final Logger LOG = LoggerFactory.getLogger(DropFolder.class);

    private final ModuleManager modules;
    private final Path folder;
    private final long periodMillis;
    private final Map<Path, String> tried = new HashMap<>();

    DropFolder(ModuleManager modules, Path folder, long periodMillis) {
        this.modules = modules;
        this.folder = folder;
        this.periodMillis = periodMillis;
    }

    /** Looks at the folder on {@code thread} from now on, until that is shut down. */
    void start(ScheduledExecutorService thread) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            LOG.error("The drop folder {} cannot be made", folder, e);
            return;
        }
        thread.scheduleWithFixedDelay(this::look, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void look() {
        try {
            Map<String, String> dropped = modules.dropped();
            Map<Path, String> seen = new HashMap<>();
            try (DirectoryStream<Path> jars = Files.newDirectoryStream(folder, "*.jar")) {
                for (Path jar : jars) seen.put(jar, Hashes.sha256(jar));
            }
            for (Map.Entry<Path, String> j : seen.entrySet()) {
                String name = j.getKey().getFileName().toString();
                String bsn = dropped.get(name);
                if (j.getValue().equals(tried.get(j.getKey())) || (bsn != null && j.getValue().equals(modules.sha256(bsn)))) continue;
                tried.put(j.getKey(), j.getValue());
                try {
                    modules.installFile(j.getKey(), ModuleManager.DROP_FOLDER);
                } catch (ModuleRefused | IllegalStateException e) {
                    // a refusal (unsigned, untrusted, unresolved) whose reason is the message
                    LOG.warn("{} in the drop folder was not installed: {}", name, e.getMessage());
                }
            }
            for (Map.Entry<String, String> d : dropped.entrySet()) {
                if (seen.containsKey(folder.resolve(d.getKey()))) continue;
                try {
                    modules.uninstall(d.getValue(), ModuleManager.DROP_FOLDER);
                } catch (ModuleRefused | IllegalStateException e) {
                    // a refusal whose reason is the message
                    LOG.warn("{}, removed from the drop folder, was not uninstalled: {}", d.getValue(), e.getMessage());
                }
            }
            tried.keySet().retainAll(seen.keySet());
        } catch (IOException | RuntimeException e) {
            LOG.error("The drop folder {} could not be read", folder, e);
        }
    }
}
