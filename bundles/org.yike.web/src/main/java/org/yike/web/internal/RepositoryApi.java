package org.yike.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.yike.api.modules.BundleRepository;
import org.yike.api.modules.Published;

/**
 * {@code /api/repository/bundles}: the district's bundles; a jar POSTed as the body is published
 * (as pilot with {@code ?pilot=school-a,school-b}, else stable); {@code POST …/{bsn}/{version}/stable}
 * promotes, {@code DELETE …/{bsn}/{version}} withdraws.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/repository/*")
public class RepositoryApi extends JsonApi {

    private static final long serialVersionUID = 1L;
    private static final long LARGEST_JAR = 256L * 1024 * 1024;

    @Reference
    transient BundleRepository repository;


    @Override
    protected void serve(ApiCall call, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (call.is("GET", "bundles")) {
            JsonAnswers.write(resp, 200, repository.bundles());
        } else if (call.is("POST", "bundles")) {
            JsonAnswers.answer(resp, 201, () -> {
                Published added = add(req, call.who());
                return Map.of("bsn", added.bsn(), "version", added.version(), "channel", added.channel(), "schools", added.schools());
            });
        } else if (call.is("POST", "bundles", "*", "*", "stable")) {
            JsonAnswers.answer(resp, 200, () -> repository.promote(call.part(1), call.part(2), call.who()));
        } else if (call.is("DELETE", "bundles", "*", "*")) {
            JsonAnswers.answer(resp, 200, () -> repository.withdraw(call.part(1), call.part(2), call.who()));
        } else {
            throw JsonAnswers.noSuchApi(req);
        }
    }

    /** The body to a file (the jar is checked as a file, like one given to the Gogo command), then added. */
    private Published add(HttpServletRequest req, String who) throws IOException {
        Path folder = Files.createTempDirectory("yike-upload-");
        Path jar = folder.resolve("uploaded.jar");
        try (InputStream in = req.getInputStream()) {
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
            if (Files.size(jar) == 0) throw new Refused(400, "send the jar as the body (Content-Type: application/java-archive)");
            if (Files.size(jar) > LARGEST_JAR) throw new Refused(413, "the jar is larger than " + LARGEST_JAR + " bytes");
            String pilot = req.getParameter("pilot");
            List<String> schools = pilot == null || pilot.isBlank() ? List.of()
                    : Arrays.stream(pilot.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            return repository.add(jar, schools, who);
        } finally {
            Files.deleteIfExists(jar);
            Files.deleteIfExists(folder);
        }
    }
}
