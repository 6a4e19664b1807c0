package org.yike.itests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarFile;

import org.yike.modules.testing.Bundles;
import org.yike.modules.testing.Keys;

/**
 * The jars the module tests publish and install, made once per build outside the framework: the
 * virtualboard driver and the patrol director as versions 1.0.0 and 1.1.0 signed by the district's
 * key (made by keytool), patrol 1.2.0 whose activator throws, a bundle needing a package no one
 * has, and an unsigned and a tampered jar.
 */
final class ModuleFixtures {

    static final String DRIVER = "org.yike.driver.virtualboard";
    static final String DIRECTOR = "org.yike.director.patrol";
    static final String MISSING_PACKAGE = "com.acme.teleport";

    private ModuleFixtures() {
    }

    static Path folder() {
        return Path.of(System.getProperty("yike.modulefixtures"));
    }

    static Path jar(String name) {
        return folder().resolve(name);
    }

    static Path trustedCertificate() {
        return folder().resolve("keys/district.pem");
    }

    /** Deletes a folder with all it holds: a data folder from an earlier run holds its repository and modules. */
    static void delete(Path folder) throws java.io.IOException {
        if (!Files.exists(folder)) return;
        try (var all = Files.walk(folder)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** Makes the jars unless this build made them already. */
    static synchronized void make() throws Exception {
        Path done = folder().resolve("done");
        if (Files.exists(done)) return;
        Path plain = Files.createDirectories(folder().resolve("unsigned"));
        Keys district = Keys.make(folder().resolve("keys"), "district", "Yike district");
        Keys stranger = Keys.make(folder().resolve("keys"), "stranger", "Someone else");
        Path driver = Path.of(System.getProperty("yike.hotinstall"));
        Path director = Path.of(System.getProperty("yike.patrol"));
        for (String v : new String[] {"1.0.0", "1.1.0"}) {
            district.sign(Bundles.reversion(driver, v, plain.resolve("driver-" + v + ".jar"), Map.of(), Map.of()),
                    jar("driver-" + v + ".jar"));
            district.sign(Bundles.reversion(director, v, plain.resolve("director-" + v + ".jar"), Map.of(), Map.of()),
                    jar("director-" + v + ".jar"));
        }
        String imports;
        try (JarFile j = new JarFile(director.toFile())) {
            imports = j.getManifest().getMainAttributes().getValue("Import-Package");
        }
        district.sign(Bundles.reversion(director, "1.2.0", plain.resolve("director-1.2.0.jar"),
                Map.of("Bundle-Activator", "org.yike.director.patrol.failing.Activator",
                        "Import-Package", imports + ",org.osgi.framework"),
                Map.of("org.yike.director.patrol.failing.Activator", "package org.yike.director.patrol.failing;"
                        + "public class Activator implements org.osgi.framework.BundleActivator {"
                        + "  public void start(org.osgi.framework.BundleContext c) { throw new IllegalStateException(\"broken on purpose\"); }"
                        + "  public void stop(org.osgi.framework.BundleContext c) { } }")),
                jar("director-1.2.0.jar"));
        district.sign(Bundles.build(plain.resolve("teleport-1.0.0.jar"), "org.acme.teleport", "1.0.0",
                Map.of("org.acme.beam.Beam", "package org.acme.beam; public class Beam { Object o = new "
                        + MISSING_PACKAGE + ".Pad(); }", MISSING_PACKAGE + ".Pad", "package " + MISSING_PACKAGE + "; public class Pad { }"),
                Map.of("Private-Package", "org.acme.beam", "Import-Package", MISSING_PACKAGE + ";version=\"[1,2)\"")),
                jar("teleport-1.0.0.jar"));
        Files.copy(plain.resolve("driver-1.1.0.jar"), jar("unsigned-driver-1.2.0.jar"));
        Bundles.tamper(jar("driver-1.1.0.jar"), "OSGI-INF/org.yike.driver.virtualboard.internal.VirtualBlackboard.xml",
                jar("tampered-driver-1.1.0.jar"));
        stranger.sign(plain.resolve("driver-1.1.0.jar"), jar("stranger-driver-1.1.0.jar"));
        Files.writeString(done, "");
    }
}
