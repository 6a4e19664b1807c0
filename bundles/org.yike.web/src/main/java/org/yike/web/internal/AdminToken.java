package org.yike.web.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.runtime.Settings;

/**
 * The admin token: calls that change the school's setup carry {@code Authorization: Bearer <token>},
 * the token being the content of {@code <data>/admin.token}. A first start writes a random one there,
 * readable by the runtime's user only. The token is never logged nor answered.
 * (The {@code modules} work has its own; the two are to be one at merge.)
 */
final class AdminToken {

    static final String FILE = "admin.token";
    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);
    private static final String BEARER = "Bearer ";

    private final Path file;

    AdminToken() {
        this(Settings.dataFolder().resolve(FILE));
    }

    /** Writes a token where there is none yet, so the admin finds it from the first start on. */
    AdminToken(Path file) {
        this.file = file;
        try {
            if (!Files.exists(file)) create();
        } catch (IOException e) {
            LOG.error("Cannot write an admin token to {}: {}; admin calls are refused until one is there", file, e.getMessage());
        }
    }

    /** Refuses the request (401) unless it carries the token. */
    void require(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        if (header == null || !header.startsWith(BEARER)) {
            throw new Refused(401, "this call changes the schedule: send Authorization: Bearer <the token in " + file + ">");
        }
        byte[] given = header.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, token().getBytes(StandardCharsets.UTF_8))) {
            throw new Refused(401, "the admin token is wrong; it is in " + file);
        }
    }

    /** Read at each call, so a token replaced by hand applies at once. */
    private String token() {
        try {
            String t = Files.readString(file).strip();
            if (t.isEmpty()) throw new Refused(401, file + " is empty: no admin call is possible until it holds a token");
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the admin token " + file + ": " + e.getMessage(), e);
        }
    }

    private synchronized void create() throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, HexFormat.of().formatHex(random) + "\n");
        LOG.warn("A new admin token is in {}; admin calls send it as Authorization: Bearer <token>", file);
    }
}
