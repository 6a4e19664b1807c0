package org.yike.repository.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.osgi.framework.BundleContext;
import org.osgi.resource.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.yike.api.modules.AuditLog;
import org.yike.api.modules.BundleRepository;
import org.yike.api.modules.ModuleRefused;
import org.yike.api.modules.ModuleRefused.Kind;
import org.yike.api.modules.Published;
import org.yike.api.modules.Trust;
import org.yike.settings.FrameworkSettings;

import aQute.bnd.osgi.Domain;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.repository.XMLResourceGenerator;
import aQute.bnd.osgi.resource.ResourceBuilder;
import aQute.bnd.version.Version;

/**
 * The district's repository in {@code <data>/repository/}: {@code bundles/} holds every jar as it
 * was signed, {@code channels.json} what each version is offered as, {@code index.xml} the stable
 * index every school may use and {@code pilot/<school>/index.xml} a pilot school's (stable plus its
 * pilots). The indexes are plain OSGi Repository R5 XML with relative URLs, so any static web
 * server and any OSGi tool can use the folder.
 */
@Component(service = BundleRepository.class)
public class DistrictRepository implements BundleRepository {

    static final String STABLE = "stable";
    static final String PILOT = "pilot";
    static final String WITHDRAWN = "withdrawn";
    private static final Pattern SCHOOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path folder;
    private final Path bundles;
    private final Trust trust;
    private final AuditLog audit;
    private final List<Published> published;

    @Activate
    public DistrictRepository(BundleContext context, @Reference Trust trust, @Reference AuditLog audit) throws IOException {
        this(FrameworkSettings.of(context).dataFolder().resolve("repository"), trust, audit);
    }

    DistrictRepository(Path folder, Trust trust, AuditLog audit) throws IOException {
        this.folder = folder;
        this.bundles = Files.createDirectories(folder.resolve("bundles"));
        this.trust = trust;
        this.audit = audit;
        Path channels = folder.resolve("channels.json");
        published = Files.exists(channels) ? new ArrayList<>(JSON.readValue(channels.toFile(), new TypeReference<List<Published>>() { }))
                : new ArrayList<>();
        if (!Files.exists(folder.resolve("index.xml"))) writeIndexes();
    }

    Path folder() {
        return folder;
    }

    @Override
    public synchronized Published add(Path jar, List<String> pilotSchools, String who) {
        String subject = jar.getFileName().toString();
        try {
            for (String s : pilotSchools) {
                if (!SCHOOL.matcher(s).matches()) throw new ModuleRefused(Kind.INVALID, "'" + s + "' is not a school name (letters, digits, . _ -)");
            }
            String signer = trust.signer(jar);
            Published p;
            try (Jar newer = new Jar(jar.toFile())) {
                Domain manifest = Domain.domain(newer.getManifest());
                if (manifest == null || manifest.getBundleSymbolicName() == null) {
                    throw new ModuleRefused(Kind.INVALID, subject + " has no Bundle-SymbolicName: it is not an OSGi bundle");
                }
                String bsn = manifest.getBundleSymbolicName().getKey();
                Version version = version(manifest.getBundleVersion(), subject);
                subject = bsn + " " + version;
                if (find(bsn, version.toString()) != null) {
                    throw new ModuleRefused(Kind.CONFLICT, bsn + " " + version + " is already in the repository; a changed bundle needs a higher version");
                }
                Published previous = newestBefore(bsn, version);
                if (previous != null) Baselines.check(newer, jarOf(previous), previous.version());
                Files.copy(jar, bundles.resolve(fileName(bsn, version.toString())), StandardCopyOption.REPLACE_EXISTING);
                p = new Published(bsn, version.toString(), pilotSchools.isEmpty() ? STABLE : PILOT, List.copyOf(pilotSchools), signer);
            }
            published.add(p);
            save();
            audit.record(who, "publish", subject, "done: " + p.channel() + (p.schools().isEmpty() ? "" : " for " + p.schools()));
            return p;
        } catch (ModuleRefused e) {
            audit.record(who, "publish", subject, "refused: " + e.getMessage());
            throw e;
        } catch (Exception e) {
            audit.record(who, "publish", subject, "failed: " + e);
            throw new IllegalStateException(subject + " could not be added: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<Published> bundles() {
        return List.copyOf(published);
    }

    @Override
    public synchronized Published promote(String bsn, String version, String who) {
        return change(bsn, version, STABLE, who, "promote");
    }

    @Override
    public synchronized Published withdraw(String bsn, String version, String who) {
        return change(bsn, version, WITHDRAWN, who, "withdraw");
    }

    private Published change(String bsn, String version, String channel, String who, String action) {
        Published p = find(bsn, version);
        if (p == null) {
            ModuleRefused e = new ModuleRefused(Kind.NOT_FOUND, "the repository has no " + bsn + " " + version + "; it has "
                    + published.stream().filter(q -> q.bsn().equals(bsn)).map(Published::version).toList());
            audit.record(who, action, bsn + " " + version, "refused: " + e.getMessage());
            throw e;
        }
        Published changed = new Published(bsn, p.version(), channel, channel.equals(STABLE) ? List.of() : p.schools(), p.signer());
        published.set(published.indexOf(p), changed);
        try {
            save();
        } catch (IOException e) {
            throw new IllegalStateException("the repository " + folder + " cannot be written: " + e.getMessage(), e);
        }
        audit.record(who, action, bsn + " " + p.version(), "done: " + channel);
        return changed;
    }

    private Published find(String bsn, String version) {
        Version v = Version.parseVersion(version);
        return published.stream().filter(p -> p.bsn().equals(bsn) && Version.parseVersion(p.version()).equals(v)).findFirst().orElse(null);
    }

    private Published newestBefore(String bsn, Version version) {
        return published.stream().filter(p -> p.bsn().equals(bsn) && Version.parseVersion(p.version()).compareTo(version) < 0)
                .max(Comparator.comparing(p -> Version.parseVersion(p.version()))).orElse(null);
    }

    private Path jarOf(Published p) {
        return bundles.resolve(fileName(p.bsn(), p.version()));
    }

    private static String fileName(String bsn, String version) {
        return bsn + "-" + version + ".jar";
    }

    private static Version version(String header, String jar) {
        if (header == null) throw new ModuleRefused(Kind.INVALID, jar + " has no Bundle-Version; give it one (major.minor.micro)");
        try {
            return Version.parseVersion(header.trim());
        } catch (IllegalArgumentException e) {
            throw new ModuleRefused(Kind.INVALID, jar + " has Bundle-Version '" + header + "', not major.minor.micro[.qualifier]");
        }
    }

    private void save() throws IOException {
        Path partial = folder.resolve("channels.json.partial");
        JSON.writeValue(partial.toFile(), published);
        Files.move(partial, folder.resolve("channels.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        writeIndexes();
    }

    /** The stable index and one per pilot school; pilot folders of schools with no pilot left are removed. */
    private void writeIndexes() throws IOException {
        Set<String> schools = new LinkedHashSet<>();
        for (Published p : published) if (p.channel().equals(PILOT)) schools.addAll(p.schools());
        write(folder.resolve("index.xml"), null, "bundles/");
        Path pilots = folder.resolve("pilot");
        if (Files.isDirectory(pilots)) {
            try (DirectoryStream<Path> old = Files.newDirectoryStream(pilots)) {
                for (Path school : old) {
                    if (!schools.contains(school.getFileName().toString())) {
                        Files.deleteIfExists(school.resolve("index.xml"));
                        Files.deleteIfExists(school);
                    }
                }
            }
        }
        for (String school : schools) write(Files.createDirectories(pilots.resolve(school)).resolve("index.xml"), school, "../../bundles/");
    }

    /** An index of the stable versions, and of {@code school}'s pilots when not null; jar URLs relative to it. */
    private void write(Path index, String school, String toBundles) throws IOException {
        List<Resource> resources = new ArrayList<>();
        for (Published p : published) {
            boolean offered = p.channel().equals(STABLE) || (school != null && p.channel().equals(PILOT) && p.schools().contains(school));
            if (!offered) continue;
            String name = fileName(p.bsn(), p.version());
            try {
                ResourceBuilder b = new ResourceBuilder();
                b.addFile(bundles.resolve(name).toFile(), URI.create(toBundles + name));
                resources.add(b.build());
            } catch (Exception e) {
                throw new IOException(name + " cannot be indexed: " + e.getMessage(), e);
            }
        }
        Path partial = index.resolveSibling("index.xml.partial");
        new XMLResourceGenerator().name(school == null ? "Yike district, stable" : "Yike district, pilot for " + school)
                .resources(resources).save(partial.toFile());
        Files.move(partial, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
