package org.yike.docs;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.Test;

/**
 * The project's own Markdown (README.md, docs/, bench/, cnf/, bndtools.workspace/ and any other
 * outside build output): every relative link works. External links are printed for a reader to
 * check; the build has no network.
 */
public class DocumentationLinksTest {
    private static final Path ROOT = Path.of(System.getProperty("yike.root", ".."));

    @Test
    public void everyRelativeLinkLeadsToAFileAndHeading() throws IOException {
        MarkdownLinks links = new MarkdownLinks(ROOT);
        List<Path> files = links.markdownFiles();
        assertTrue("no README.md under " + ROOT.toAbsolutePath(), files.contains(ROOT.toAbsolutePath().normalize().resolve("README.md")));
        for (Path md : files) {
            links.check(md);
        }
        System.out.println("External links (not fetched):");
        links.external().forEach(url -> System.out.println("  " + url));
        assertTrue(links.broken().size() + " broken link(s):\n  " + String.join("\n  ", links.broken()),
                links.broken().isEmpty());
    }
}
