package org.yike.repository.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.BeforeClass;
import org.junit.Test;
import org.osgi.resource.Resource;
import org.yike.api.modules.AuditLog;
import org.yike.api.modules.ModuleRefused;
import org.yike.api.modules.ModuleRefused.Kind;
import org.yike.api.modules.Published;
import org.yike.modules.testing.Bundles;
import org.yike.modules.testing.Keys;
import org.yike.modules.testing.TestServices;

import aQute.bnd.osgi.repository.XMLResourceParser;
import aQute.bnd.osgi.resource.ResourceUtils;

/**
 * Signed bundles made by bnd and keytool added to a repository folder: the indexes any OSGi tool
 * reads, the refusals with their reasons (signature, same version, bnd baseline), pilot, stable
 * and withdrawn.
 */
public class DistrictRepositoryTest {

    private static final String GREETER = "package org.acme.greeting; public interface Greeter { String greet(); String name(); }";
    private static Path dir;
    private static Keys district;
    private static Path v100;
    private static Path v110;
    private static Path broken;
    private static Path unsignedJar;

    @BeforeClass
    public static void bundles() throws Exception {
        dir = Files.createDirectories(Path.of("target", "district-test"));
        district = Keys.make(dir.resolve("keys"), "district", "District of Yike");
        unsignedJar = Bundles.build(dir.resolve("greeting-1.0.0-unsigned.jar"), "org.acme.greeting", "1.0.0",
                Map.of("org.acme.greeting.Greeter", GREETER), Map.of("Export-Package", "org.acme.greeting;version=1.0.0"));
        v100 = district.sign(unsignedJar, dir.resolve("greeting-1.0.0.jar"));
        v110 = district.sign(Bundles.build(dir.resolve("greeting-1.1.0-unsigned.jar"), "org.acme.greeting", "1.1.0",
                Map.of("org.acme.greeting.Greeter", GREETER, "org.acme.greeting.Farewell",
                        "package org.acme.greeting; public class Farewell { public String bye() { return \"bye\"; } }"),
                Map.of("Export-Package", "org.acme.greeting;version=1.1.0")), dir.resolve("greeting-1.1.0.jar"));
        // a method taken away from an interface others implement: a major change shipped as a minor one
        broken = district.sign(Bundles.build(dir.resolve("greeting-1.2.0-unsigned.jar"), "org.acme.greeting", "1.2.0",
                Map.of("org.acme.greeting.Greeter", "package org.acme.greeting; public interface Greeter { String greet(); }"),
                Map.of("Export-Package", "org.acme.greeting;version=1.2.0")), dir.resolve("greeting-1.2.0.jar"));
    }

    private static DistrictRepository fresh(String name) throws Exception {
        Path folder = dir.resolve(name);
        if (Files.exists(folder)) {
            try (Stream<Path> all = Files.walk(folder)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        AuditLog audit = TestServices.auditLog(folder.resolve("audit.log"));
        return new DistrictRepository(folder.resolve("repository"), TestServices.trusting(district.certificate()), audit);
    }

    @Test
    public void aSignedBundleIsIndexedForAnyOsgiTool() throws Exception {
        DistrictRepository r = fresh("indexed");
        Published p = r.add(v100, List.of(), "admin");
        assertEquals(new Published("org.acme.greeting", "1.0.0", "stable", List.of(), "CN=District of Yike,O=Yike tests"), p);

        Path index = r.folder().resolve("index.xml");
        List<Resource> resources = XMLResourceParser.getResources(index.toUri());
        assertEquals(1, resources.size());
        assertEquals("org.acme.greeting", ResourceUtils.getIdentity(resources.get(0)));
        ResourceUtils.ContentCapability content = ResourceUtils.getContentCapability(resources.get(0));
        assertEquals(index.toUri().resolve("bundles/org.acme.greeting-1.0.0.jar"), content.url());
        assertTrue("the jar's URL is relative to the index, so the folder can be served anywhere",
                !Files.readString(index).contains(r.folder().toUri().toString()));
        assertTrue(Files.exists(Path.of(content.url())));
        assertTrue("the package is a capability", resources.get(0).getCapabilities("osgi.wiring.package").stream()
                .anyMatch(c -> "org.acme.greeting".equals(c.getAttributes().get("osgi.wiring.package"))));
    }

    @Test
    public void refusalsSayWhatToDo() throws Exception {
        DistrictRepository r = fresh("refusals");
        assertRefused(() -> r.add(unsignedJar, List.of(), "admin"), Kind.UNSIGNED, "is not signed");
        r.add(v100, List.of(), "admin");
        assertRefused(() -> r.add(v100, List.of(), "admin"), Kind.CONFLICT, "org.acme.greeting 1.0.0 is already in the repository");
        r.add(v110, List.of(), "admin");
        assertRefused(() -> r.add(broken, List.of(), "admin"), Kind.BASELINE,
                "package org.acme.greeting changed incompatibly since 1.1.0, needs 2.0.0");
        assertEquals(2, XMLResourceParser.getResources(r.folder().resolve("index.xml").toUri()).size());
        String audit = Files.readString(r.folder().resolveSibling("audit.log"));
        assertTrue(audit, audit.contains("\"who\":\"admin\",\"action\":\"publish\",\"subject\":\"org.acme.greeting 1.2.0\",\"result\":\"refused: package"));
    }

    @Test
    public void aPilotReachesItsSchoolsFirstThenEveryoneUntilWithdrawn() throws Exception {
        DistrictRepository r = fresh("channels");
        r.add(v100, List.of(), "admin");
        assertEquals("pilot", r.add(v110, List.of("school-a"), "admin").channel());
        Path stable = r.folder().resolve("index.xml");
        Path pilot = r.folder().resolve("pilot/school-a/index.xml");
        assertEquals(List.of("1.0.0"), versions(stable));
        assertEquals(List.of("1.0.0", "1.1.0"), versions(pilot));
        Path jar = Path.of(ResourceUtils.getContentCapability(XMLResourceParser.getResources(pilot.toUri()).get(1)).url());
        assertTrue("a pilot index's URLs lead to the jars", Files.exists(jar));

        r.promote("org.acme.greeting", "1.1.0", "admin");
        assertEquals(List.of("1.0.0", "1.1.0"), versions(stable));
        assertTrue("no pilot left for school-a", !Files.exists(pilot));

        r.withdraw("org.acme.greeting", "1.1.0", "admin");
        assertEquals(List.of("1.0.0"), versions(stable));
        assertEquals("withdrawn", r.bundles().get(1).channel());
        assertRefused(() -> r.withdraw("org.acme.greeting", "9.0.0", "admin"), Kind.NOT_FOUND, "it has [1.0.0, 1.1.0]");
    }

    private static List<String> versions(Path index) throws Exception {
        return XMLResourceParser.getResources(index.toUri()).stream().map(x -> ResourceUtils.getIdentityVersion(x)).sorted().toList();
    }

    private static void assertRefused(Runnable change, Kind kind, String words) {
        try {
            change.run();
            fail("accepted");
        } catch (ModuleRefused e) {
            assertEquals(e.getMessage(), kind, e.kind());
            assertTrue(e.getMessage(), e.getMessage().contains(words));
        }
    }
}
