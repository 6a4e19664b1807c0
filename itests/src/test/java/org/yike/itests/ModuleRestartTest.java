package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;

/**
 * The product jar, its repository and trust from {@code yike.repositories} and {@code yike.trust}:
 * a driver installed as a module is there again, active with its device, after the runtime stops
 * and starts again (the framework's own storage is rebuilt at each start).
 */
public class ModuleRestartTest extends ProductJarTest {


    @Test
    public void anInstalledModuleSurvivesARestart() throws Exception {
        ModuleFixtures.make();
        ModuleFixtures.delete(data);
        yike = start();
        Api api = new Api(port, data).ready();
        // the module and repository calls come with their bundles, a moment after the API answers
        api.awaitOk("repository/bundles", 30);
        api.awaitOk("modules", 30);
        String[] admin = {"Authorization", "Bearer " + Files.readString(data.resolve("admin.token")).trim()};
        assertEquals(201, api.post("repository/bundles", ModuleFixtures.jar("driver-1.0.0.jar"), "application/java-archive", admin).status());
        Api.Answer installed = api.post("modules", "{\"bsn\": \"" + ModuleFixtures.DRIVER + "\"}", admin);
        assertEquals(installed.body().toString(), 201, installed.status());
        assertNotNull(api.awaitDevice("driver", "virtualboard"));

        yike.destroy(); // SIGTERM: the runtime shuts down as on Ctrl-C
        yike.waitFor();
        yike = start();
        api = new Api(port, data).ready();
        api.awaitOk("modules", 30);
        assertNotNull("the module's device is back", api.awaitDevice("driver", "virtualboard"));
        JsonNode module = api.get("modules").body().get("installed").get(0);
        assertEquals(ModuleFixtures.DRIVER, module.get("bsn").asText());
        assertEquals("1.0.0", module.get("version").asText());
        assertEquals("ACTIVE", module.get("state").asText());
    }

    private Process start() throws IOException {
        return InYike.launch(data, "-Dyike.data=" + data, "-Dyike.http.port=" + port,
                "-Dyike.repositories=http://127.0.0.1:" + port + "/repository/index.xml",
                "-Dyike.trust=" + ModuleFixtures.trustedCertificate(),
                "-Dorg.bytedeco.javacpp.cachedir=" + Path.of(System.getProperty("yike.itest.data"), "native")).start();
    }
}
