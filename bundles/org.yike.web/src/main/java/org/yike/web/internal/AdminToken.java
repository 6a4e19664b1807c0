package org.yike.web.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.settings.FrameworkSettings;

/**
 * The administrator's token, which calls that change code (modules, repository) or the school's
 * setup and lessons (timetable, catalog deletes) must carry as
 * {@code Authorization: Bearer <token>}. Made on the first start into {@code <data>/admin.token},
 * readable by its owner only, and shown on the console that once.
 */
@Component(service = AdminToken.class)
public class AdminToken {

    private static final Logger LOG = LoggerFactory.getLogger(AdminToken.class);

    private final byte[] token;

    @Activate
    public AdminToken(BundleContext context) throws IOException {
        this(FrameworkSettings.of(context).dataFolder().resolve("admin.token"));
    }

    AdminToken(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String made = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, made + "\n");
                LOG.warn("Admin token, shown only this once (kept in {}, readable by its owner only): {}", file, made);
            } catch (FileAlreadyExistsException another) {
                // made at the same moment by another start: use that one
            }
        }
        token = Files.readString(file, StandardCharsets.UTF_8).trim().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the request carries the admin token. */
    boolean admits(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return false;
        return MessageDigest.isEqual(token, header.substring(7).trim().getBytes(StandardCharsets.UTF_8));
    }

    /** Refuses with 401 unless the request carries the admin token. */
    void require(HttpServletRequest req) {
        if (!admits(req)) {
            throw new Refused(401, "this call changes the runtime's code or setup: send the admin token (in <data>/admin.token) as 'Authorization: Bearer <token>'");
        }
    }

    /** Makes a change, once the request carries the admin token, and answers it with {@code status}. */
    void answerChange(HttpServletRequest req, HttpServletResponse resp, int status, JsonAnswers.Call change) throws IOException {
        require(req);
        JsonAnswers.write(resp, status, change.answer());
    }
}
