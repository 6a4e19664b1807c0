package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.yike.api.admin.AdminRefused;
import org.yike.api.admin.DeviceAdmin;
import org.yike.api.admin.DeviceEntry;
import org.yike.api.admin.DriverEntry;
import org.yike.api.admin.Form;
import org.yike.api.admin.NewDevice;
import org.yike.api.admin.SchoolConfiguration;

/**
 * The administration services as any caller has them, without HTTP: devices checked against their
 * driver's Metatype, stale configurations in ERROR, one configuration changed, the whole exported and
 * imported with its passwords sealed, and the Gogo commands answering from the same service.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AdministrationTest extends InYike {

    private static final String PASSWORD = "s3cret-camera";
    private static final String PASSPHRASE = "correct horse battery";

    @Inject
    DeviceAdmin equipment;

    @Inject
    SchoolConfiguration school;

    @Inject
    BundleContext context;

    /** A camera on a port nobody listens on: the driver makes it, and lists it offline. */
    private static Map<String, Object> camera(String name, Object... more) {
        Map<String, Object> values = new HashMap<>(Map.of("name", name, "classroom", "302", "role", "student_wide",
                "url", "rtsp://127.0.0.1:" + freePort() + "/hall", "username", "yike", "password", PASSWORD, "checkSeconds", 1));
        for (int i = 0; i < more.length; i += 2) values.put((String) more[i], more[i + 1]);
        return values;
    }

    @Test
    public void devicesAreCheckedAgainstTheirDriverAndRemoved() throws Exception {
        DriverEntry rtsp = equipment.drivers(Locale.CHINA).stream().filter(d -> d.id().equals("rtsp")).findFirst().orElseThrow();
        assertEquals("网络摄像机", rtsp.configuration().name());
        Form.Attribute transport = rtsp.configuration().attributes().stream().filter(a -> a.id().equals("transport")).findFirst().orElseThrow();
        assertEquals("tcp", transport.defaultValue());
        assertEquals(List.of("tcp", "udp", "auto"), transport.options().stream().map(Form.Option::value).toList());

        refused(AdminRefused.Kind.INVALID, "'checkSeconds' 'often' must be of type integer",
                () -> equipment.add(new NewDevice("rtsp", camera("Hall", "checkSeconds", "often"), null)));
        refused(AdminRefused.Kind.INVALID, "'role' 'dancer' is refused",
                () -> equipment.add(new NewDevice("rtsp", camera("Hall", "role", "dancer"), null)));
        refused(AdminRefused.Kind.INVALID, "driver rtsp has no attribute 'zoom'",
                () -> equipment.add(new NewDevice("rtsp", camera("Hall", "zoom", 2), null)));
        refused(AdminRefused.Kind.INVALID, "'driver' must name one of: ",
                () -> equipment.add(new NewDevice(null, camera("Hall"), null)));
        refused(AdminRefused.Kind.NOT_FOUND, "no driver 'vhs'",
                () -> equipment.add(new NewDevice("vhs", camera("Hall"), null)));
        assertTrue("nothing refused was kept: " + equipment.devices(), find("hall").isEmpty());

        DeviceEntry added = equipment.add(new NewDevice("rtsp", camera("Hall"), null));
        assertEquals("the id made from the name", "hall", added.id());
        assertEquals("302", added.classroom());
        assertFalse("no password in an answer: " + added, added.toString().contains(PASSWORD));
        refused(AdminRefused.Kind.CONFLICT, "there is a device 'hall' already",
                () -> equipment.add(new NewDevice("rtsp", camera("Hall", "id", "hall"), null)));

        assertEquals("hall", equipment.remove("hall").id());
        assertTrue(find("hall").isEmpty());
        refused(AdminRefused.Kind.NOT_FOUND, "no device 'hall'", () -> equipment.remove("hall"));
        refused(AdminRefused.Kind.CONFLICT, "without a configuration (its default)", () -> equipment.remove("virtual-101"));
        assertEquals("a driver that discovers nothing", List.of(), equipment.discover("virtual", DeviceAdmin.DISCOVERY_TIME));
    }

    @Test
    public void aConfigurationThatNoLongerFitsItsDriverIsListedInErrorAndCanBeDeleted() throws Exception {
        // left from an older driver: its width is no longer a number, so the driver makes no device of it
        configurations.getFactoryConfiguration("org.yike.driver.virtual.classroom", "old", "?")
                .update(new java.util.Hashtable<>(Map.of("id", "stale", "classroom", "102", "width", "wide")));
        DeviceEntry listed = await("stale");
        assertEquals(DeviceEntry.State.ERROR, listed.state());
        assertTrue(listed.reason(), listed.reason().contains("does not fit driver virtual: 'width' 'wide' must be of type integer"));
        assertEquals(DeviceEntry.State.ERROR, equipment.remove("stale").state());
        assertNull("its configuration is deleted", configurations.listConfigurations("(id=stale)"));
    }

    @Test
    public void oneConfigurationIsChangedAttributeByAttribute() throws Exception {
        refused(AdminRefused.Kind.NOT_FOUND, "no configuration 'org.example.none'", () -> school.get("org.example.none"));
        refused(AdminRefused.Kind.INVALID, "'width' 'wide' must be of type integer",
                () -> school.change("org.yike.recording", Map.of("width", "wide")));
        refused(AdminRefused.Kind.INVALID, "org.yike.recording has no attribute 'colour'",
                () -> school.change("org.yike.recording", Map.of("colour", "red")));

        assertEquals(800, school.change("org.yike.recording", Map.of("width", 800)).values().get("width"));
        Map<String, Object> back = new HashMap<>();
        back.put("width", null);
        assertFalse("null: back to its default", school.change("org.yike.recording", back).values().containsKey("width"));

        Map<String, Object> target = school.typed("org.yike.connector.ftp.target", Map.of("name", "district",
                "url", "ftp://127.0.0.1:2121/"));
        assertEquals("district", target.get("name"));
        refused(AdminRefused.Kind.INVALID, "missing url", () -> school.typed("org.yike.connector.ftp.target", Map.of("name", "d")));
    }

    @Test
    public void theWholeConfigurationTravelsWithItsPasswordsSealed() throws Exception {
        equipment.add(new NewDevice("rtsp", camera("Corridor", "id", "corridor"), null));
        Map<String, Object> file = school.export(PASSPHRASE);
        assertFalse("no password in clear", file.toString().contains(PASSWORD));
        assertTrue("but sealed: " + file, file.toString().contains("secrets="));
        Map<String, Object> without = school.export(null);
        assertTrue("named where left out: " + without.get("secretsLeftOut"),
                ((Collection<?>) without.get("secretsLeftOut")).contains("org.yike.driver.rtsp.camera~corridor/password"));

        equipment.remove("corridor");
        refused(AdminRefused.Kind.INVALID, "does not open", () -> school.importFile(file, "wrong horse battery"));
        refused(AdminRefused.Kind.INVALID, "passwords are sealed", () -> school.importFile(file, null));
        assertTrue("a refused import changes nothing", configurations.listConfigurations("(id=corridor)") == null);

        SchoolConfiguration.Imported imported = school.importFile(file, PASSPHRASE);
        assertTrue(imported.toString(), imported.configurations() > 0);
        org.osgi.service.cm.Configuration[] back = configurations.listConfigurations("(id=corridor)");
        assertEquals(PASSWORD, back[0].getProperties().get("password"));
        await("corridor");
    }

    @Test
    public void theGogoCommandsAnswerFromTheService() throws Exception {
        ServiceReference<?>[] found = context.getServiceReferences((String) null,
                "(&(osgi.command.scope=yike)(osgi.command.function=devices))");
        assertEquals("one yike:devices", 1, found.length);
        Object commands = context.getService(found[0]);
        String listed = (String) commands.getClass().getMethod("devices").invoke(commands);
        assertTrue(listed, listed.contains("virtual-101"));
        String discovered = (String) commands.getClass().getMethod("discover", String.class).invoke(commands, "virtual");
        assertEquals("driver virtual sees nothing\n", discovered);
    }

    private Optional<DeviceEntry> find(String id) throws Exception {
        return equipment.devices().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /** The device once listed, within 10 s. */
    private DeviceEntry await(String id) throws Exception {
        return Await.until(id + " listed", 10, () -> find(id), Optional::isPresent).get();
    }

    private String devices() {
        try {
            return equipment.devices().toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    interface Call {
        Object call() throws Exception;
    }

    private static void refused(AdminRefused.Kind kind, String words, Call call) throws Exception {
        try {
            call.call();
            fail("not refused: " + words);
        } catch (AdminRefused e) {
            assertEquals(e.getMessage(), kind, e.kind());
            assertTrue(e.getMessage(), e.getMessage().contains(words));
        }
    }
}
