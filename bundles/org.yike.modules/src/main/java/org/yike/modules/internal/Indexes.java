package org.yike.modules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.framework.Version;
import org.osgi.resource.Resource;
import org.osgi.service.repository.ContentNamespace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import aQute.bnd.osgi.repository.XMLResourceParser;
import aQute.bnd.osgi.resource.ResourceUtils;
import aQute.bnd.osgi.resource.ResourceUtils.ContentCapability;

/** Reads OSGi Repository indexes (R5 XML, plain or gzipped) and fetches the jars they point at, over HTTP(S) or from files. */
final class Indexes {

    /** A bundle an index offers: its resource (capabilities and requirements), where its jar is and its SHA-256. */
    record Offered(Resource resource, String bsn, Version version, URI url, String sha256, String index) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Indexes.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    /** Everything the indexes offer, newest first; an index that cannot be read is logged and left out. */
    List<Offered> read(List<String> indexes) {
        List<Offered> all = new ArrayList<>();
        for (String index : indexes) {
            try {
                all.addAll(read(index));
            } catch (IOException e) {
                // mostly a repository out of reach, again at each look: the message, the trace at DEBUG
                LOG.warn("The repository index {} cannot be read: {}", index, e.getMessage());
                LOG.debug("The repository index {} cannot be read", index, e);
            }
        }
        all.sort(Comparator.comparing(Offered::bsn).thenComparing(Offered::version, Comparator.reverseOrder()));
        return all;
    }

    List<Offered> read(String index) throws IOException {
        URI uri = URI.create(index);
        List<Resource> resources;
        try (InputStream in = open(uri)) {
            resources = XMLResourceParser.getResources(in, uri);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("not an OSGi Repository index: " + e.getMessage(), e);
        }
        List<Offered> offered = new ArrayList<>();
        for (Resource r : resources) {
            ContentCapability content = ResourceUtils.getContentCapability(r);
            String[] id = Resolution.identity(r);
            if (content == null || content.url() == null) continue;
            offered.add(new Offered(r, id[0], Version.parseVersion(id[1]), uri.resolve(content.url()),
                    content.osgi_content(), index));
        }
        return offered;
    }

    /** Downloads a jar the index offers into {@code target}; its SHA-256 must be the index's. */
    void fetch(Offered o, Path target) throws IOException {
        try (InputStream in = open(o.url())) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        String sha = Hashes.sha256(target);
        if (o.sha256() != null && !o.sha256().equalsIgnoreCase(sha)) {
            throw new IOException(o.url() + " is not the jar " + o.index() + " lists (SHA-256 " + sha + ", listed "
                    + o.sha256() + ")");
        }
    }

    private InputStream open(URI uri) throws IOException {
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) return uri.toURL().openStream();
        try {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                r.body().close();
                throw new IOException("HTTP " + r.statusCode() + " for " + uri);
            }
            return r.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        }
    }
}
