package org.yike.access.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
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
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, made + "\n");
                LOG.warn("Admin token, shown only this once (kept in {}, readable by its owner only): {}", file, made);
            } catch (FileAlreadyExistsException another) {
                // made at the same moment by another start: use that one
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
