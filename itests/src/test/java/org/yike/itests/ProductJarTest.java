package org.yike.itests;

import java.nio.file.Path;

import org.junit.After;
import org.junit.Before;

/**
 * A test of the product jar as a school runs it, in a process of its own: its data folder (named
 * after the test, its configuration from an earlier run forgotten), its HTTP port, and the process,
 * killed when the test ends whatever happened.
 */
abstract class ProductJarTest {

    final Path data = Path.of(System.getProperty("yike.itest.data"), getClass().getSimpleName());
    final int port = InYike.freePort();
    Process yike;

    @Before
    public void forgetConfiguration() {
        InYike.forgetConfiguration(data);
    }

    @After
    public void stopYike() {
        if (yike != null) yike.destroyForcibly();
    }
}
