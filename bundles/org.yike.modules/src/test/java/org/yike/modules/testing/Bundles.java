package org.yike.modules.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.FileResource;
import aQute.bnd.osgi.Jar;

/** Bundles for tests, made by bnd from Java sources compiled on the spot, or from a bundle with another version. */
public final class Bundles {

    private Bundles() {
    }

    /**
     * Compiles {@code sources} (class name to source) against this JVM's class path and has bnd
     * make bundle {@code bsn} {@code version} of them at {@code target}, with these bnd instructions
     * ({@code Export-Package}, {@code Import-Package}, {@code Bundle-Activator}…).
     */
    public static Path build(Path target, String bsn, String version, Map<String, String> sources,
            Map<String, String> instructions) throws Exception {
        Path classes = compile(target, sources);
        try (Builder b = new Builder()) {
            b.setProperty("Bundle-SymbolicName", bsn);
            b.setProperty("Bundle-Version", version);
            b.setProperty("-noextraheaders", "true");
            b.setProperty("-reproducible", "true");
            instructions.forEach(b::setProperty);
            if (!instructions.containsKey("Private-Package") && !instructions.containsKey("Export-Package")) {
                b.setProperty("Private-Package", String.join(",", sources.keySet().stream()
                        .map(c -> c.substring(0, c.lastIndexOf('.'))).distinct().toList()));
            }
            b.addClasspath(classes.toFile());
            Jar jar = b.build();
            if (!b.isOk()) throw new IllegalStateException("bnd: " + b.getErrors());
            jar.write(target.toFile());
        }
        return target;
    }

    /**
     * A copy of a bundle with another Bundle-Version, these main attributes added or replaced, and
     * the classes of {@code sources} (compiled against this JVM's class path) added.
     */
    public static Path reversion(Path bundle, String version, Path target, Map<String, String> attributes,
            Map<String, String> sources) throws Exception {
        try (Jar jar = new Jar(bundle.toFile())) {
            Manifest m = jar.getManifest();
            Attributes main = m.getMainAttributes();
            main.putValue("Bundle-Version", version);
            attributes.forEach(main::putValue);
            jar.setManifest(m);
            if (!sources.isEmpty()) {
                Path classes = compile(target, sources);
                try (var files = Files.walk(classes)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        jar.putResource(classes.relativize(f).toString(), new FileResource(f));
                    }
                }
            }
            jar.write(target.toFile());
        }
        return target;
    }

    private static Path compile(Path target, Map<String, String> sources) throws IOException {
        Path work = Files.createTempDirectory(target.toAbsolutePath().getParent(), "bundle-");
        Path src = work.resolve("src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-classpath",
                System.getProperty("java.class.path")));
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Path file = src.resolve(s.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, s.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, args.toArray(new String[0])) != 0) throw new IllegalStateException("javac failed");
        return classes;
    }

    /** A copy of a signed jar with one byte of {@code entry} changed, signature files kept: a tampered jar. */
    public static Path tamper(Path signed, String entry, Path target) throws IOException {
        try (ZipFile in = new ZipFile(signed.toFile()); OutputStream out = Files.newOutputStream(target);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] content = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(entry)) content[content.length / 2] ^= 1;
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return target;
    }
}
