package org.yike.repository.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.yike.api.modules.BundleRepository;
import org.yike.api.modules.ModuleRefused;
import org.yike.api.modules.Published;

/**
 * Gogo: {@code repository:add <jar or folder> [pilot school…]}, {@code repository:list},
 * {@code repository:promote <bsn> <version>}, {@code repository:withdraw <bsn> <version>}.
 */
@Component(service = RepositoryCommands.class, property = {"osgi.command.scope=repository", "osgi.command.function=add",
        "osgi.command.function=list", "osgi.command.function=promote", "osgi.command.function=withdraw"})
public class RepositoryCommands {

    private static final String WHO = "console";

    @Reference
    BundleRepository repository;

    /** Adds a jar, or each jar of a folder in name order; one refused jar does not stop the others. */
    public String add(String path, String... pilotSchools) throws IOException {
        Path p = Path.of(path).toAbsolutePath();
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(p)) {
            try (DirectoryStream<Path> all = Files.newDirectoryStream(p, "*.jar")) {
                all.forEach(jars::add);
            }
            jars.sort(null);
        } else {
            jars.add(p);
        }
        StringBuilder out = new StringBuilder();
        for (Path jar : jars) {
            try {
                out.append(describe(repository.add(jar, Arrays.asList(pilotSchools), WHO)));
            } catch (ModuleRefused e) {
                out.append(jar.getFileName()).append(" refused: ").append(e.getMessage()).append('\n');
            }
        }
        return out.toString();
    }

    public String list() {
        StringBuilder out = new StringBuilder();
        for (Published p : repository.bundles()) out.append(describe(p));
        return out.toString();
    }

    public String promote(String bsn, String version) {
        return describe(repository.promote(bsn, version, WHO));
    }

    public String withdraw(String bsn, String version) {
        return describe(repository.withdraw(bsn, version, WHO));
    }

    private static String describe(Published p) {
        return String.format("%-36s %-16s %-10s %s%n", p.bsn(), p.version(), p.channel(),
                p.schools().isEmpty() ? "" : String.join(",", p.schools()));
    }
}
