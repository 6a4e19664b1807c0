package org.yike.access.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrator's token, for scripts and automation: made on the first start into
 * {@code <data>/admin.token}, readable by its owner only, and shown on the console that once. It is
 * the first administrator's first password too.
 */
final class AdminToken {

    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);

    private final String token;

    AdminToken(Path file) throws IOException {
        if (!Files.exists(file)) {
            String made = Secrets.random(32);
            Files.createDirectories(file.getParent());
            // written whole beside it, then moved into place: a script that reads the file never sees it half written
            Path written = Files.createTempFile(file.getParent(), ".admin.token", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(written, made + "\n");
                Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
                LOG.warn("Admin token, shown only this once (kept in {}, readable by its owner only): {}", file, made);
            } catch (FileAlreadyExistsException another) {
                // a file system that will not replace it: another start made it first, so that one counts
            } finally {
                Files.deleteIfExists(written);
            }
        }
        token = Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    String text() {
        return token;
    }

    boolean matches(String candidate) {
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }
}
