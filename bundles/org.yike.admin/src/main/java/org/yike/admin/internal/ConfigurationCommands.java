package org.yike.admin.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.yike.api.admin.SchoolConfiguration;
import org.yike.api.admin.SchoolConfiguration.Imported;

/**
 * Gogo shell commands for the school's configuration as one file, through the same service as the
 * HTTP API: {@code yike:export <file> [passphrase]} and {@code yike:import <file> [passphrase]}.
 */
@Component(service = ConfigurationCommands.class, property = {"osgi.command.scope=yike", "osgi.command.function=export",
        "osgi.command.function=import"})
public class ConfigurationCommands {

    @Reference
    SchoolConfiguration school;

    public String export(String file) throws IOException {
        return export(file, null);
    }

    /** Written readable by its owner only: even without passwords it describes the school's equipment. */
    public String export(String file, String passphrase) throws IOException {
        Path path = Path.of(file).toAbsolutePath();
        Path tmp = Files.createTempFile(path.getParent(), path.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Setup.JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), school.export(passphrase));
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        return "configuration exported to " + path + (passphrase == null ? " (passwords left out)" : " (passwords sealed)") + "\n";
    }

    /** {@code yike:import}: Gogo calls a command named after a Java keyword through its name with _ first. */
    public String _import(String file) throws IOException {
        return _import(file, null);
    }

    public String _import(String file, String passphrase) throws IOException {
        Map<String, Object> content = Setup.JSON.readValue(Path.of(file).toFile(), new TypeReference<Map<String, Object>>() { });
        Imported i = school.importFile(content, passphrase);
        return "imported " + i.configurations() + " configurations, " + i.targets() + " targets, timetable "
                + (i.timetableSessions() == null ? "unchanged" : i.timetableSessions() + " sessions")
                + (i.secretsLeftOut() == null || i.secretsLeftOut().isEmpty() ? "" : "; left out of the file: " + i.secretsLeftOut()) + "\n";
    }
}
