package org.yike.storage.local.internal;

import static org.junit.Assert.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.storage.BlobStore;
import org.yike.api.storage.BlobStoreContract;

public class LocalBlobStoreTest extends BlobStoreContract {

    @Rule
    public final TemporaryFolder data = new TemporaryFolder();

    @Override
    protected BlobStore store() {
        return new LocalBlobStore(data.getRoot().toPath());
    }

    @Override
    protected boolean givesPlaybackAddresses() {
        return false;
    }

    @Test
    public void aKeyIsThePathInTheDataFolderThatRecordingsHaveAlwaysHad() throws Exception {
        store().put("recordings/101/20261125-153553-101/program.mp4", new ByteArrayInputStream(video, 0, 5000));
        assertArrayEquals(java.util.Arrays.copyOf(video, 5000),
                Files.readAllBytes(data.getRoot().toPath().resolve("recordings/101/20261125-153553-101/program.mp4")));
    }
}
