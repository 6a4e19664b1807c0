package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * ONVIF cameras found and adopted through the API: WS-Discovery probes go to a responder on
 * loopback (never to the multicast group) that answers with a real camera's recorded ProbeMatch,
 * and the adopted camera answers with its recorded SOAP replies; its main stream is a real RTSP
 * server on loopback (Debian's GStreamer), with digest authentication.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OnvifDiscoveryTest extends InYike {

    private static final String PASSWORD = "Pa55word";

    /** The fixture camera's HTTP server is the JDK's. */
    @Override
    @Configuration
    public Option[] config() {
        return OptionUtils.combine(super.config(),
                frameworkProperty("org.osgi.framework.bootdelegation").value("com.sun.net.httpserver"));
    }

    @Test
    public void aDiscoveredCameraIsListedAndAdoptedInOneCall() throws Exception {
        try (GstRtsp gst = new GstRtsp(dataFolder().resolve("gst"))) {
            int port = freePort();
            gst.serve("camera", port, "admin:" + PASSWORD, "/h264main=" + gst.clip("main", "h264", "aac", 60) + ":h264:aac");
            adoptTheCameraFound(new OnvifFixtures("rtsp://127.0.0.1:" + port + "/"));
        }
    }

    private void adoptTheCameraFound(OnvifFixtures fixtures) throws Exception {
        try (OnvifFixtures camera = fixtures) {
            configure("org.yike.driver.onvif", Map.of("discoveryAddress", "127.0.0.1", "discoveryPort", camera.discoveryPort()));
            Api api = new Api().ready();

            JsonNode found = api.get("drivers/onvif/discovered?timeout=1").body();
            assertEquals(found.toString(), 1, found.size());
            JsonNode predator = found.get(0);
            assertEquals("PREDATOR", predator.get("name").asText());
            assertEquals(camera.deviceService(), predator.at("/configuration/url").asText());
            assertFalse(predator.get("adopted").asBoolean());
            String id = predator.get("id").asText();
            assertEquals("the same id on the next discovery", id,
                    api.get("drivers/onvif/discovered?timeout=1").body().get(0).get("id").asText());

            assertEquals("a driver that discovers nothing", 0, api.get("drivers/virtual/discovered").body().size());
            assertEquals(404, api.get("drivers/nobody/discovered").status());
            assertEquals(400, api.get("drivers/onvif/discovered?timeout=forever").status());
            assertEquals(404, api.post("devices", "{\"driver\": \"onvif\", \"discovered\": \"nothing-here\","
                    + " \"classroom\": \"301\", \"role\": \"teacher\"}").status());

            Api.Answer wrong = api.post("devices", "{\"driver\": \"onvif\", \"discovered\": \"" + id + "\","
                    + " \"name\": \"Other\", \"classroom\": \"301\", \"role\": \"janitor\"}");
            assertEquals("adoption goes through the driver's Metatype checks", 400, wrong.status());

            Api.Answer adopted = api.post("devices", "{\"driver\": \"onvif\", \"discovered\": \"" + id + "\","
                    + " \"classroom\": \"301\", \"role\": \"teacher\","
                    + " \"config\": {\"username\": \"admin\", \"password\": \"" + PASSWORD + "\"}}");
            assertEquals(adopted.body().toString(), 201, adopted.status());
            assertEquals("an id made from the camera's name", "predator", adopted.body().get("id").asText());
            assertEquals("onvif", adopted.body().get("driver").asText());
            JsonNode online = api.awaitState("predator", "ONLINE", 15_000);
            assertTrue("its main stream, with the credentials masked: " + online,
                    online.at("/sources/0/uri").asText().startsWith("rtsp://***@"));
            assertFalse(api.get("devices").body().toString().contains(PASSWORD));

            JsonNode again = api.get("drivers/onvif/discovered?timeout=1").body().get(0);
            assertTrue(again.get("adopted").asBoolean());
            assertEquals("predator", again.get("device").asText());
            Api.Answer twice = api.post("devices", "{\"driver\": \"onvif\", \"discovered\": \"" + id + "\","
                    + " \"name\": \"Second\", \"classroom\": \"301\", \"role\": \"teacher\"}");
            assertEquals(twice.body().toString(), 409, twice.status());
            assertTrue(twice.body().get("error").asText(), twice.body().get("error").asText().contains("device predator"));

            assertEquals(200, api.delete("devices/predator").status());
            assertFalse("free to adopt again", api.get("drivers/onvif/discovered?timeout=1").body().get(0).get("adopted").asBoolean());
        }
    }
}
