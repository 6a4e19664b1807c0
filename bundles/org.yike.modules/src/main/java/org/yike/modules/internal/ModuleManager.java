package org.yike.modules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Resource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.resolver.ResolutionException;
import org.osgi.service.resolver.Resolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.modules.AuditLog;
import org.yike.api.modules.Module;
import org.yike.api.modules.ModuleRefused;
import org.yike.api.modules.ModuleRefused.Kind;
import org.yike.api.modules.Modules;
import org.yike.api.modules.Offer;
import org.yike.api.modules.Trust;
import org.yike.modules.internal.Indexes.Offered;
import org.yike.settings.FrameworkSettings;

import aQute.bnd.osgi.resource.ResourceBuilder;
import aQute.bnd.osgi.resource.ResourceUtils;

/**
 * The school's modules. A change is resolved first against the installed bundles plus the
 * repositories, every jar it brings is checked (index digest, trusted signature, manifest), then
 * only those bundles are installed or updated and only the bundles wired to an updated one are
 * refreshed. A started bundle that is not active with its components satisfied within the time
 * limit is put back as it was, by itself. One change at a time.
 */
@Component(service = {Modules.class, ModuleManager.class}, immediate = true, configurationPid = ModuleManager.PID)
@Designate(ocd = ModuleManager.Config.class)
public class ModuleManager implements Modules {

    static final String PID = "org.yike.modules";
    static final String DROP_FOLDER = "drop folder";
    private static final Logger LOG = LoggerFactory.getLogger(ModuleManager.class);
    private static final String LOCATION = "yike-module:";

    @ObjectClassDefinition(name = "Modules", description = "Where this school installs modules from, and how long a started module may take")
    public @interface Config {
        @AttributeDefinition(name = "Repository indexes", description = "URLs of OSGi Repository indexes (index.xml), "
                + "besides those of yike.repositories / YIKE_REPOSITORIES", required = false)
        String[] repositories() default {};

        @AttributeDefinition(name = "Start time limit (s)", description = "A started module whose bundle is not active "
                + "or whose components are not satisfied within this time is rolled back")
        int startSeconds() default 15;

        @AttributeDefinition(name = "Drop folder check (ms)", description = "How often <data>/modules/ is looked at")
        long dropFolderMillis() default 2000;
    }

    private final BundleContext context;
    private final FrameworkSettings settings;
    private final Trust trust;
    private final AuditLog audit;
    private final ServiceComponentRuntime components;
    private final Resolver resolver;
    private final Indexes indexes = new Indexes();
    private final ModuleStore store;
    private final Object changing = new Object();
    private volatile Config config;
    /** The restore, then the drop folder's checks: one thread, which ends with the component. */
    private final ScheduledExecutorService background = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "yike-modules");
        t.setDaemon(true);
        return t;
    });
    private final DropFolder dropFolder;

    @Activate
    public ModuleManager(BundleContext context, Config config, @Reference Trust trust, @Reference AuditLog audit,
            @Reference ServiceComponentRuntime components, @Reference Resolver resolver) throws IOException {
        this.context = context;
        this.config = config;
        this.trust = trust;
        this.audit = audit;
        this.components = components;
        this.resolver = resolver;
        this.settings = FrameworkSettings.of(context);
        this.store = new ModuleStore(settings.dataFolder().resolve("module-store"));
        dropFolder = new DropFolder(this, settings.dataFolder().resolve("modules"), config.dropFolderMillis());
        // first in, first run: the drop folder is looked at once the store's modules are back
        background.execute(this::restore);
        dropFolder.start(background);
    }

    @Modified
    void modified(Config c) {
        config = c;
    }

    /**
     * Interrupts the restore or a look at the drop folder, and waits until their thread has put back
     * what it was cut off in (the next start restores it again).
     */
    @Deactivate
    void deactivate() throws InterruptedException {
        background.shutdownNow();
        if (!background.awaitTermination(config.startSeconds() + 60L, TimeUnit.SECONDS)) {
            LOG.warn("A module change was still running when the modules component stopped");
        }
    }

    List<String> repositories() {
        Set<String> all = new LinkedHashSet<>(settings.repositories());
        for (String r : config.repositories()) if (!r.isBlank()) all.add(r.trim());
        return List.copyOf(all);
    }

    @Override
    public List<Module> installed() {
        List<Module> modules = new ArrayList<>();
        for (ModuleStore.Entry e : store.entries().values()) {
            Bundle b = bundle(e.bsn());
            modules.add(new Module(e.bsn(), b == null ? e.version() : b.getVersion().toString(),
                    b == null ? "MISSING" : state(b), e.source(), e.signer(), e.previousVersion()));
        }
        return modules;
    }

    @Override
    public List<Offer> available() {
        Map<String, Offer> newest = new LinkedHashMap<>();
        for (Offered o : indexes.read(repositories())) {
            Bundle b = bundle(o.bsn());
            newest.putIfAbsent(o.bsn(), new Offer(o.bsn(), o.version().toString(), o.index(),
                    b == null ? null : b.getVersion().toString()));
        }
        return List.copyOf(newest.values());
    }

    @Override
    public Module install(String bsn, String version, String who) {
        return audited(who, "install", bsn + (version == null ? "" : " " + version), () -> {
            List<Offered> offered = indexes.read(repositories());
            Offered wanted = offered.stream().filter(o -> o.bsn().equals(bsn))
                    .filter(o -> version == null || o.version().equals(Version.parseVersion(version))).findFirst()
                    .orElseThrow(() -> notOffered(bsn, version, offered));
            Bundle present = bundle(bsn);
            if (present != null && present.getVersion().equals(wanted.version())) {
                throw new ModuleRefused(Kind.CONFLICT, bsn + " " + wanted.version() + " is already installed");
            }
            return apply(wanted.resource(), offered, wanted.index());
        });
    }

    /** Installs or updates from a jar in the drop folder, with the same checks as from a repository. */
    Module installFile(Path jar, String who) {
        return audited(who, "install", jar.getFileName().toString(), () -> {
            // the jar as it is now, under its own name: one taken out of the folder while it installs
            // must not fail the install halfway, with its bundle installed and not recorded
            Path folder = Files.createTempDirectory("yike-drop-");
            Path copy = folder.resolve(jar.getFileName());
            try {
                Files.copy(jar, copy);
                return apply(resource(copy), indexes.read(repositories()), DROP_FOLDER + ": " + jar.getFileName());
            } finally {
                Files.deleteIfExists(copy);
                Files.deleteIfExists(folder);
            }
        });
    }

    @Override
    public Module uninstall(String bsn, String who) {
        return audited(who, "uninstall", bsn, () -> {
            ModuleStore.Entry e = module(bsn);
            if (e.shipped()) {
                throw new ModuleRefused(Kind.CONFLICT, bsn + " came with the runtime and cannot be uninstalled; roll it back to "
                        + e.previousVersion() + " instead");
            }
            Bundle b = bundle(bsn);
            if (b != null) {
                b.uninstall();
                refresh(List.of(b));
            }
            store.remove(bsn);
            return new Module(bsn, e.version(), "UNINSTALLED", e.source(), e.signer(), null);
        });
    }

    @Override
    public Module rollback(String bsn, String who) {
        return audited(who, "rollback", bsn, () -> {
            ModuleStore.Entry e = module(bsn);
            if (e.previousJar() == null) throw new ModuleRefused(Kind.CONFLICT, bsn + " has no earlier version here to return to");
            Path jar = store.jar(e.previousJar());
            Step step = new Step(bsn, e.previousVersion(), jar, e.source(), e.previousSigner(), bundle(bsn));
            run(List.of(step));
            ModuleStore.Entry back = new ModuleStore.Entry(bsn, e.previousVersion(), e.source(), e.previousSigner(),
                    e.previousJar(), Hashes.sha256(jar), e.shipped(), e.version(), e.jar(), e.signer());
            store.put(back);
            return module(back);
        });
    }

    /** The drop folder's modules: the file each came from, by bundle symbolic name. */
    Map<String, String> dropped() {
        Map<String, String> files = new LinkedHashMap<>();
        for (ModuleStore.Entry e : store.entries().values()) {
            if (e.source().startsWith(DROP_FOLDER + ": ")) files.put(e.source().substring(DROP_FOLDER.length() + 2), e.bsn());
        }
        return files;
    }

    /** The SHA-256 of the jar a module was installed from, to know a dropped file that did not change. */
    String sha256(String bsn) {
        ModuleStore.Entry e = store.get(bsn);
        return e == null ? null : e.sha256();
    }

    // ---- applying a change

    /** One bundle to install or update: its jar checked, the bundle it replaces ({@code null}: new). */
    private record Step(String bsn, String version, Path jar, String source, String signer, Bundle replaces) {
    }

    interface Change {
        Module run() throws Exception;
    }

    private Module audited(String who, String action, String subject, Change change) {
        synchronized (changing) {
            try {
                Module m = change.run();
                audit.record(who, action, subject, "done: " + m.bsn() + " " + m.version() + " " + m.state());
                return m;
            } catch (ModuleRefused e) {
                audit.record(who, action, subject, "refused: " + e.getMessage());
                throw e;
            } catch (Exception e) {
                audit.record(who, action, subject, "failed: " + e);
                throw new IllegalStateException(action + " " + subject + " failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Checks {@code wanted}'s jar, resolves it with what is installed and offered, fetches and checks
     * the dependencies it needs, and installs them together, dependencies first.
     */
    private Module apply(Resource wanted, List<Offered> offered, String source) throws Exception {
        String[] id = Resolution.identity(wanted);
        Map<Resource, Offered> byResource = new LinkedHashMap<>();
        for (Offered o : offered) byResource.put(o.resource(), o);
        Offered fromIndex = byResource.get(wanted);
        Step target = step(wanted, fromIndex != null ? fetch(fromIndex) : Path.of(ResourceUtils.getContentCapability(wanted).url()), source);
        List<Resource> candidates = new ArrayList<>();
        for (Offered o : offered) {
            Bundle b = bundle(o.bsn());
            boolean installedAlready = b != null && b.getVersion().equals(o.version());
            if (!o.bsn().equals(id[0]) && !installedAlready) candidates.add(o.resource());
        }
        List<BundleRevision> installed = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            BundleRevision r = b.adapt(BundleRevision.class);
            if (r != null && !Objects.equals(b.getSymbolicName(), id[0])) installed.add(r);
        }
        Set<Resource> needed;
        try {
            needed = resolver.resolve(new Resolution(List.of(wanted), installed, candidates)).keySet();
        } catch (ResolutionException e) {
            throw new ModuleRefused(Kind.UNRESOLVED, "cannot install " + id[0] + " " + id[1] + ": " + missing(e), e);
        }
        List<Step> steps = new ArrayList<>();
        for (Resource r : needed) {
            if (r instanceof BundleRevision || r == wanted) continue;
            Offered o = byResource.get(r);
            steps.add(step(o.resource(), fetch(o), o.index()));
        }
        steps.add(target);
        run(steps);
        Module m = null;
        for (Step s : steps) m = remember(s);
        return m;
    }

    private Path fetch(Offered o) throws IOException {
        Path target = store.incoming();
        try {
            indexes.fetch(o, target);
            return target;
        } catch (IOException e) {
            Files.deleteIfExists(target);
            throw new ModuleRefused(Kind.NOT_FOUND, o.bsn() + " " + o.version() + " cannot be fetched: " + e.getMessage(), e);
        }
    }

    /** Checks a fetched jar: a trusted signature, and the manifest naming the bundle the index named. */
    private Step step(Resource r, Path jar, String source) throws IOException {
        String[] id = Resolution.identity(r);
        String signer = trust.signer(jar);
        try (JarFile file = new JarFile(jar.toFile(), false)) {
            Manifest m = file.getManifest();
            String bsn = m.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            String version = m.getMainAttributes().getValue(Constants.BUNDLE_VERSION);
            if (bsn == null || !bsn.split(";")[0].trim().equals(id[0])
                    || !Version.parseVersion(version).equals(Version.parseVersion(id[1]))) {
                throw new ModuleRefused(Kind.INVALID, "the jar of " + id[0] + " " + id[1] + " is " + bsn + " " + version);
            }
        }
        return new Step(id[0], id[1], jar, source, signer, bundle(id[0]));
    }

    /**
     * Installs and updates the steps' bundles, refreshes only the bundles wired to the updated ones,
     * starts them and waits until they are healthy; puts everything back as it was if one is not.
     */
    private void run(List<Step> steps) throws Exception {
        Map<Step, Path> previous = new LinkedHashMap<>();
        for (Step s : steps) {
            if (s.replaces() == null) continue;
            ModuleStore.Entry e = store.get(s.bsn());
            previous.put(s, e != null && e.version().equals(s.replaces().getVersion().toString()) ? store.jar(e.jar())
                    : store.jar(store.snapshot(s.replaces())));
        }
        FrameworkWiring wiring = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        List<Bundle> updated = steps.stream().map(Step::replaces).filter(Objects::nonNull).toList();
        List<Bundle> activeBefore = new ArrayList<>();
        for (Bundle b : wiring.getDependencyClosure(updated)) if (b.getState() == Bundle.ACTIVE) activeBefore.add(b);

        List<Bundle> touched = new ArrayList<>();
        List<Bundle> installed = new ArrayList<>();
        try {
            for (Step s : steps) {
                try (InputStream in = Files.newInputStream(s.jar())) {
                    if (s.replaces() != null) {
                        s.replaces().update(in);
                        touched.add(s.replaces());
                    } else {
                        Bundle b = context.installBundle(LOCATION + s.bsn() + "/" + s.version(), in);
                        installed.add(b);
                        touched.add(b);
                    }
                }
            }
            refresh(updated);
            Set<Bundle> watched = new LinkedHashSet<>(touched);
            watched.addAll(activeBefore);
            for (Bundle b : watched) start(b);
            awaitHealthy(watched);
        } catch (Exception | LinkageError failure) {
            String reason = failure instanceof BundleException be && be.getCause() != null
                    ? failure.getMessage() + ": " + be.getCause() : failure.getMessage();
            LOG.warn("Putting back what was there before: {}", reason);
            for (Bundle b : installed) uninstallQuietly(b);
            for (Map.Entry<Step, Path> p : previous.entrySet()) {
                try (InputStream in = Files.newInputStream(p.getValue())) {
                    p.getKey().replaces().update(in);
                }
            }
            Set<Bundle> back = new LinkedHashSet<>(updated);
            back.addAll(installed);
            refresh(back);
            for (Bundle b : activeBefore) start(b);
            String back2 = previous.isEmpty() ? "nothing was installed"
                    : "back to " + String.join(", ", previous.keySet().stream().map(s -> s.bsn() + " " + previousVersion(s)).toList());
            throw new ModuleRefused(Kind.FAILED, describe(steps) + " did not start: " + reason + "; " + back2, failure);
        }
    }

    private static String previousVersion(Step s) {
        return s.replaces().getVersion().toString();
    }

    private static String describe(List<Step> steps) {
        return String.join(", ", steps.stream().map(s -> s.bsn() + " " + s.version()).toList());
    }

    private void start(Bundle b) throws BundleException {
        if ((b.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) == 0) b.start();
    }

    private static void uninstallQuietly(Bundle b) {
        try {
            b.uninstall();
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("{} could not be uninstalled", b.getSymbolicName(), e);
        }
    }

    /** Refreshes these bundles and the ones wired to them, nothing else; waits until done. */
    private void refresh(Collection<Bundle> bundles) throws InterruptedException {
        if (bundles.isEmpty()) return;
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class)
                .refreshBundles(bundles, e -> done.countDown());
        if (!done.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("the framework did not refresh within 60 s");
    }

    /** Waits until every bundle is active with its enabled components satisfied, within the start time limit. */
    private void awaitHealthy(Collection<Bundle> bundles) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.startSeconds());
        while (true) {
            String problem = null;
            for (Bundle b : bundles) {
                problem = Health.problem(b, components);
                if (problem != null) break;
            }
            if (problem == null) return;
            if (problem.contains(Health.FAILED) || System.nanoTime() > deadline) {
                throw new IllegalStateException(problem + (problem.contains(Health.FAILED) ? ""
                        : " after " + config.startSeconds() + " s"));
            }
            Thread.sleep(50);
        }
    }

    private Module remember(Step s) throws IOException {
        ModuleStore.Entry before = store.get(s.bsn());
        String jar = store.keep(s.jar(), s.bsn(), s.version());
        String sha = Hashes.sha256(s.jar());
        if (!s.jar().startsWith(settings.dataFolder().resolve("modules"))) Files.deleteIfExists(s.jar());
        ModuleStore.Entry e;
        if (s.replaces() == null) {
            e = new ModuleStore.Entry(s.bsn(), s.version(), s.source(), s.signer(), jar, sha, false, null, null, null);
        } else if (before != null) {
            e = new ModuleStore.Entry(s.bsn(), s.version(), s.source(), s.signer(), jar, sha, before.shipped(),
                    before.version(), before.jar(), before.signer());
        } else {
            String shipped = s.bsn() + "-" + s.replaces().getVersion() + ".jar";
            e = new ModuleStore.Entry(s.bsn(), s.version(), s.source(), s.signer(), jar, sha, true,
                    s.replaces().getVersion().toString(), Files.exists(store.jar(shipped)) ? shipped : null, "(came with the runtime)");
        }
        store.put(e);
        return module(e);
    }

    // ---- after a restart

    /** Installs again what the store holds: the framework's storage is rebuilt at each start. */
    private void restore() {
        synchronized (changing) {
            for (ModuleStore.Entry e : store.entries().values()) {
                try {
                    Bundle b = bundle(e.bsn());
                    if (b != null && b.getVersion().equals(Version.parseVersion(e.version()))) continue;
                    Path jar = store.jar(e.jar());
                    trust.signer(jar);
                    run(List.of(new Step(e.bsn(), e.version(), jar, e.source(), e.signer(), b)));
                    audit.record("runtime", "restore", e.bsn() + " " + e.version(), "done");
                } catch (Exception | LinkageError failed) {
                    audit.record("runtime", "restore", e.bsn() + " " + e.version(), "failed: " + failed.getMessage());
                }
            }
        }
    }

    // ---- lookups

    private Bundle bundle(String bsn) {
        Bundle newest = null;
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName()) && (newest == null || b.getVersion().compareTo(newest.getVersion()) > 0)) newest = b;
        }
        return newest;
    }

    private ModuleStore.Entry module(String bsn) {
        ModuleStore.Entry e = store.get(bsn);
        if (e == null) {
            throw new ModuleRefused(Kind.NOT_FOUND, "no module " + bsn + "; modules: " + store.entries().keySet());
        }
        return e;
    }

    private Module module(ModuleStore.Entry e) {
        Bundle b = bundle(e.bsn());
        return new Module(e.bsn(), e.version(), b == null ? "MISSING" : state(b), e.source(), e.signer(), e.previousVersion());
    }

    private static ModuleRefused notOffered(String bsn, String version, List<Offered> offered) {
        Set<String> versions = new LinkedHashSet<>();
        Set<String> names = new HashSet<>();
        for (Offered o : offered) {
            names.add(o.bsn());
            if (o.bsn().equals(bsn)) versions.add(o.version().toString());
        }
        return new ModuleRefused(Kind.NOT_FOUND, versions.isEmpty()
                ? "no repository offers " + bsn + "; they offer " + names
                : "no repository offers " + bsn + " " + version + "; versions offered: " + versions);
    }

    private static String missing(ResolutionException e) {
        List<String> names = new ArrayList<>();
        e.getUnresolvedRequirements().forEach(r -> names.add(r.getNamespace() + " "
                + r.getDirectives().getOrDefault("filter", "")));
        return (names.isEmpty() ? "" : "nothing installed or offered provides " + String.join(", ", names) + " (")
                + e.getMessage() + (names.isEmpty() ? "" : ")");
    }

    private static Resource resource(Path jar) throws Exception {
        ResourceBuilder b = new ResourceBuilder();
        if (!b.addFile(jar.toFile(), jar.toUri())) throw new ModuleRefused(Kind.INVALID, jar.getFileName() + " is not a bundle");
        return b.build();
    }

    static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
