package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.options.UrlProvisionOption;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.yike.media.MediaInfo;

/**
 * The district publishes signed bundles through the API into the repository the runtime serves at
 * /repository/; the school side installs a driver and a director from that index over HTTP on
 * loopback and updates both while a lesson records. Refusals name their reason and change nothing;
 * a director that throws in activation is rolled back by itself and the previous version directs.
 * The patrol director is left out of this framework so that it is installed as a module.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModulesTest extends InYike {

    private static final String JAR = "application/java-archive";

    @Inject
    BundleContext context;

    @Override
    @Configuration
    public Option[] config() {
        try {
            ModuleFixtures.make();
            ModuleFixtures.delete(Path.of(System.getProperty("yike.itest.data"), getClass().getSimpleName()));
        } catch (Exception e) {
            throw new IllegalStateException("the module test jars could not be made", e);
        }
        List<Option> options = new ArrayList<>();
        for (Option o : super.config()) {
            if (o instanceof UrlProvisionOption u && u.getURL().contains(ModuleFixtures.DIRECTOR)) continue;
            options.add(o);
        }
        options.add(systemProperty("yike.trust").value(ModuleFixtures.trustedCertificate().toString()));
        options.add(systemProperty("yike.modulefixtures").value(ModuleFixtures.folder().toString()));
        return options.toArray(new Option[0]);
    }

    private String[] admin() throws Exception {
        return new String[] {"Authorization", "Bearer " + Files.readString(dataFolder().resolve("admin.token")).trim()};
    }

    /** The runtime's own repository, read by its module side over HTTP on loopback. */
    private void schoolUsesThisRepository() throws Exception {
        configure("org.yike.modules", Map.of("repositories",
                new String[] {"http://127.0.0.1:" + Integer.getInteger("yike.http.port") + "/repository/index.xml"}));
    }

    private Api.Answer publish(Api api, String jar) throws Exception {
        return api.post("repository/bundles", ModuleFixtures.jar(jar), JAR, admin());
    }

    private Api.Answer install(Api api, String bsn, String version) throws Exception {
        return api.post("modules", version == null ? "{\"bsn\": \"" + bsn + "\"}"
                : "{\"bsn\": \"" + bsn + "\", \"version\": \"" + version + "\"}", admin());
    }

    private Bundle bundle(String bsn) {
        return Arrays.stream(context.getBundles()).filter(b -> bsn.equals(b.getSymbolicName())).findFirst().orElse(null);
    }

    @Test
    public void aDriverAndADirectorInstalledAndUpdatedWhileALessonRecords() throws Exception {
        Api api = new Api().ready();
        assertEquals("no token, no change", 401, api.anonymous().post("repository/bundles", ModuleFixtures.jar("driver-1.0.0.jar"), JAR).status());
        Api.Answer published = publish(api, "driver-1.0.0.jar");
        assertEquals(published.body().toString(), 201, published.status());
        assertEquals(ModuleFixtures.DRIVER, published.body().get("bsn").asText());
        assertEquals("1.0.0", published.body().get("version").asText());
        assertEquals(201, publish(api, "director-1.0.0.jar").status());
        schoolUsesThisRepository();
        teacherThroughout(640, 360);
        configureRecording(SMALL_PROGRAM);
        // for the director installed below: nothing takes this configuration yet, so there is nothing to await
        configurations.getConfiguration("org.yike.director.patrol", "?").update(new Hashtable<>(Map.of("periodMillis", 700L)));

        String id = RecordingTest.awaitStart(api, "{\"classroom\": \"101\"}").body().get("id").asText();
        // the lesson tested: 2 s before the installs, patrol 2.5 s before the updates, 3 s after them, 3 s after the rollback
        api.awaitRecorded(id, 2000);

        assertEquals("no token, no change", 401, api.anonymous().post("modules", "{\"bsn\": \"" + ModuleFixtures.DRIVER + "\"}").status());
        Api.Answer driver = install(api, ModuleFixtures.DRIVER, null);
        assertEquals(driver.body().toString(), 201, driver.status());
        assertEquals("1.0.0", driver.body().get("version").asText());
        assertEquals("ACTIVE", driver.body().get("state").asText());
        assertNotNull("the new driver's device is listed", api.awaitDevice("driver", "virtualboard"));
        Api.Answer director = install(api, ModuleFixtures.DIRECTOR, "1.0.0");
        assertEquals(director.body().toString(), 201, director.status());
        configureRecording(with(SMALL_PROGRAM, "directors", new String[] {"101=patrol"}));
        api.awaitRecordedMore(id, 2500);

        assertEquals(201, publish(api, "driver-1.1.0.jar").status());
        assertEquals(201, publish(api, "director-1.1.0.jar").status());
        JsonNode modules = api.get("modules").body();
        assertEquals(modules.toString(), 2, modules.get("updates").size());
        long updateAt = api.recorded(id);
        assertEquals("1.1.0", install(api, ModuleFixtures.DRIVER, null).body().get("version").asText());
        Api.Answer updated = install(api, ModuleFixtures.DIRECTOR, null);
        assertEquals(updated.body().toString(), "1.1.0", updated.body().get("version").asText());
        assertEquals("1.0.0", updated.body().get("previousVersion").asText());
        api.awaitRecordedMore(id, 3000);

        // patrol 1.2.0 throws in its activator: it is rolled back by itself and 1.1.0 directs again
        assertEquals(201, publish(api, "director-1.2.0.jar").status());
        Api.Answer failed = install(api, ModuleFixtures.DIRECTOR, "1.2.0");
        assertEquals(failed.body().toString(), 409, failed.status());
        assertTrue(failed.body().toString(), failed.body().get("error").asText().contains("broken on purpose"));
        assertTrue(failed.body().toString(), failed.body().get("error").asText().contains("back to " + ModuleFixtures.DIRECTOR + " 1.1.0"));
        assertEquals("1.1.0", bundle(ModuleFixtures.DIRECTOR).getVersion().toString());
        assertEquals(Bundle.ACTIVE, bundle(ModuleFixtures.DIRECTOR).getState());
        long rolledBackAt = api.recorded(id);
        api.awaitRecorded(id, rolledBackAt + 3000);

        JsonNode lesson = api.post("recordings/" + id + "/stop", "").body();
        double recordedSeconds = lesson.get("recordedMillis").asLong() / 1e3;
        Path program = Path.of(lesson.get("files").get(0).get("path").asText());
        MediaInfo info = media.probe(program);
        assertEquals("no frame is missing", 0.04, info.largestVideoGap(), 0.001);
        assertEquals("frames for the time recorded", recordedSeconds * 25, info.videoFrameTimes().size(), 25 * 0.5);

        JsonNode metadata = new ObjectMapper().readTree(program.resolveSibling("lesson.json").toFile());
        assertEquals("no source was lost: " + metadata.get("sourceEvents"), 0, metadata.get("sourceEvents").size());
        long lastPatrol = -1;
        long held = 0;
        long holdSince = -1;
        for (JsonNode d : metadata.get("decisions")) {
            long at = d.get("atMillis").asLong();
            if (holdSince >= 0) held = Math.max(held, at - holdSince);
            holdSince = d.get("strategy").asText().equals("(hold)") ? at : -1;
            if (d.get("strategy").asText().equals("patrol")) lastPatrol = at;
        }
        System.out.println("ModulesTest: update at " + updateAt + " ms, rollback at " + rolledBackAt + " ms, last patrol shot "
                + lastPatrol + " ms, longest hold " + held + " ms");
        assertTrue("patrol directs after its rollback: last shot " + lastPatrol, lastPatrol > rolledBackAt + 1000);

        String audit = Files.readString(dataFolder().resolve("audit.log"));
        assertTrue(audit, audit.contains("\"action\":\"install\",\"subject\":\"org.yike.director.patrol 1.2.0\",\"result\":\"refused:"));

        Api.Answer back = api.post("modules/" + ModuleFixtures.DIRECTOR + "/rollback", "", admin());
        assertEquals(back.body().toString(), "1.0.0", back.body().get("version").asText());
        assertEquals(200, api.delete("modules/" + ModuleFixtures.DRIVER, admin()).status());
        assertEquals(null, bundle(ModuleFixtures.DRIVER));
    }

    private static long dropFolderRefusals() throws Exception {
        Path audit = dataFolder().resolve("audit.log");
        if (!Files.exists(audit)) return 0;
        return Files.readAllLines(audit).stream().filter(l -> l.contains(
                "\"who\":\"drop folder\",\"action\":\"install\",\"subject\":\"driver.jar\",\"result\":\"refused:")).count();
    }

    @Test
    public void unmetUnsignedAndTamperedAreRefusedAndChangeNothing() throws Exception {
        Api api = new Api().ready();
        schoolUsesThisRepository();
        if (bundle(ModuleFixtures.DRIVER) != null) api.delete("modules/" + ModuleFixtures.DRIVER, admin());
        int bundles = context.getBundles().length;

        Api.Answer unsigned = publish(api, "unsigned-driver-1.2.0.jar");
        assertEquals(unsigned.body().toString(), 422, unsigned.status());
        assertTrue(unsigned.body().toString(), unsigned.body().get("error").asText().contains("is not signed"));
        Api.Answer tampered = publish(api, "tampered-driver-1.1.0.jar");
        assertEquals(tampered.body().toString(), 422, tampered.status());
        assertTrue(tampered.body().toString(), tampered.body().get("error").asText().contains("changed after it was signed"));
        Api.Answer stranger = publish(api, "stranger-driver-1.1.0.jar");
        assertEquals(stranger.body().toString(), 422, stranger.status());
        assertTrue(stranger.body().toString(), stranger.body().get("error").asText().contains("CN=Someone else"));

        assertEquals(201, publish(api, "teleport-1.0.0.jar").status());
        Api.Answer unmet = install(api, "org.acme.teleport", null);
        assertEquals(unmet.body().toString(), 409, unmet.status());
        assertTrue("names the missing requirement: " + unmet.body(), unmet.body().get("error").asText().contains(ModuleFixtures.MISSING_PACKAGE));

        // the drop folder checks the same: a tampered jar dropped there does not install
        // the audit log may hold earlier runs' refusals: this one is one more
        long refusals = dropFolderRefusals();
        Files.copy(ModuleFixtures.jar("tampered-driver-1.1.0.jar"), dataFolder().resolve("modules/driver.jar"));
        Await.until("the drop folder's refusal in the audit log", 15, () -> dropFolderRefusals() > refusals);
        assertEquals(null, bundle(ModuleFixtures.DRIVER));
        assertEquals("nothing installed", bundles, context.getBundles().length);
        for (JsonNode m : api.get("modules").body().get("installed")) assertTrue(m.toString(), !m.get("bsn").asText().equals(ModuleFixtures.DRIVER));
        Files.delete(dataFolder().resolve("modules/driver.jar"));

        Files.copy(ModuleFixtures.jar("driver-1.0.0.jar"), dataFolder().resolve("modules/driver.jar"));
        Await.until("a signed jar dropped in installs", 30, () -> bundle(ModuleFixtures.DRIVER) != null);
        Files.delete(dataFolder().resolve("modules/driver.jar"));
        Await.until("a jar taken out uninstalls", 30, () -> bundle(ModuleFixtures.DRIVER) == null);
    }
}
