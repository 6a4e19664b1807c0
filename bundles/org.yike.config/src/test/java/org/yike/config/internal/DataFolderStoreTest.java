package org.yike.config.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class DataFolderStoreTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void aStoredConfigurationIsReadBackWithItsTypesWhereFelixWouldKeepIt() throws Exception {
        Path folder = tmp.getRoot().toPath().resolve("config");
        DataFolderStore store = new DataFolderStore(folder);
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("service.pid", "org.yike.driver.rtsp.camera~cam 1");
        p.put("width", 640);
        p.put("bitrate", 400L);
        p.put("directors", new String[] {"201=patrol", "301=manual"});
        store.store("org.yike.driver.rtsp.camera~cam 1", p);

        Path file = folder.resolve("org/yike/driver/rtsp/camera%007ecam 1.config");
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        Dictionary<?, ?> back = new DataFolderStore(folder).load("org.yike.driver.rtsp.camera~cam 1");
        assertEquals(640, back.get("width"));
        assertEquals(400L, back.get("bitrate"));
        assertArrayEquals(new String[] {"201=patrol", "301=manual"}, (String[]) back.get("directors"));
        assertEquals("org.yike.driver.rtsp.camera~cam 1", store.pid(file));
        try (Stream<Path> files = Files.walk(folder)) {
            assertFalse("no temporary file left", files.anyMatch(f -> f.toString().endsWith(".tmp")));
        }

        store.delete("org.yike.driver.rtsp.camera~cam 1");
        assertFalse(store.exists("org.yike.driver.rtsp.camera~cam 1"));
    }

    @Test
    public void aDroppedFileIsFoundAndABrokenOneCostsOnlyItself() throws Exception {
        Path folder = tmp.getRoot().toPath().resolve("config");
        Files.createDirectories(folder.resolve("org/yike"));
        Files.writeString(folder.resolve("org/yike/recording.config"), "width=I\"640\"\n");
        Files.writeString(folder.resolve("org/yike/catalog.config"), "retentionDays=I\"fourteen\"\n");
        List<Dictionary<?, ?>> all = new ArrayList<>();
        for (Object d : Collections.list(new DataFolderStore(folder).getDictionaries())) all.add((Dictionary<?, ?>) d);
        assertEquals(1, all.size());
        assertEquals("org.yike.recording", all.get(0).get("service.pid"));
        assertEquals(640, all.get(0).get("width"));
    }
}
