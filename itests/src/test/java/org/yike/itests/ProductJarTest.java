package org.yike.itests;

import java.nio.file.Path;

import org.junit.After;

/**
 * A test of the product jar as a school runs it, in a process of its own: its data folder (named
 * after the test), its HTTP port, and the process, killed when the test ends whatever happened.
 */
abstract class ProductJarTest {

    final Path data = Path.of(System.getProperty("yike.itest.data"), getClass().getSimpleName());
    final int port = InYike.freePort();
    Process yike;

    @After
    public void stopYike() {
        if (yike != null) yike.destroyForcibly();
    }
}
