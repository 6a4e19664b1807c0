package org.yike.api.connector;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * What every {@link RemoteFolder} does, checked the same way for each file server connector
 * against its loopback server (the connectors' tests reach it through this bundle's test-jar).
 */
public final class RemoteFolderChecks {

    /** The base folder {@link #aFileArrivesUnderItsChineseNameAndIsRenamedOverTheOldOne} expects the folder opened at. */
    public static final String BASE = "区教育局/录播";

    private RemoteFolderChecks() {
    }

    /**
     * A file written under a Chinese name, then a temporary one renamed over it: on the server
     * ({@code served}, the folder the server serves as its root) only the second stands.
     * {@code folder} is opened at {@link #BASE}; the check closes it.
     */
    public static void aFileArrivesUnderItsChineseNameAndIsRenamedOverTheOldOne(RemoteFolder folder, Path served)
            throws IOException {
        byte[] second = bytes(200_000, 2);
        try (RemoteFolder f = folder) {
            put(f, "101/数学 第一课.mp4", bytes(300_000, 1));
            put(f, "101/.数学 第一课.mp4.part", second);
            assertEquals(200_000, f.size("101/.数学 第一课.mp4.part"));
            f.rename("101/.数学 第一课.mp4.part", "101/数学 第一课.mp4");
            assertEquals(-1, f.size("101/.数学 第一课.mp4.part"));
            f.delete("101/没有.mp4");
        }
        Path arrived = served.resolve(BASE).resolve("101/数学 第一课.mp4");
        assertArrayEquals("the second upload replaced the first in place", second, Files.readAllBytes(arrived));
        try (var listing = Files.list(arrived.getParent())) {
            assertEquals(List.of(arrived), listing.toList());
        }
    }

    public static void put(RemoteFolder f, String path, byte[] content) throws IOException {
        try (OutputStream out = f.write(path, 0)) {
            out.write(content);
        }
    }

    /** {@code n} bytes that do not compress, the same for the same {@code seed}. */
    public static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
