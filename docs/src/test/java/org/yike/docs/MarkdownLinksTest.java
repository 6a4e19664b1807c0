package org.yike.docs;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The link check itself, on a small tree of Markdown files with links that are right and wrong. */
public class MarkdownLinksTest {
    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void headingsGetGitHubsAnchors() throws IOException {
        Path page = write("page.md", """
                # Yike 一课 — routine recording
                ## The `yike.data` folder (data)
                ## Tests
                ## Tests
                ### What a lesson is made of: *movie* mode
                """);
        assertEquals(Set.of("yike-一课--routine-recording", "the-yikedata-folder-data", "tests", "tests-1",
                "what-a-lesson-is-made-of-movie-mode"), new MarkdownLinks(folder.getRoot().toPath()).anchors(page));
    }

    @Test
    public void aMissingFileAndAMissingHeadingAreNamedWithTheirFile() throws IOException {
        write("docs/api.md", "# HTTP API\n## Devices\n");
        write("bundles/org.yike.media/pom.xml", "<project/>");
        write("README.md", """
                # Yike
                ## Where things are
                See [the API](docs/api.md), [devices](docs/api.md#devices), [media](bundles/org.yike.media/),
                [its pom](bundles/org.yike.media/pom.xml), [here](#where-things-are) and
                ![a picture](docs/bundles.png), [timetable](docs/timetable.md), [recording](docs/api.md#recording),
                [a section](#nowhere), <https://www.osgi.org/> and [Felix](https://felix.apache.org/ "Felix").

                [ref]: docs/catalog.md
                Reference links count too: [catalog][ref].
                """);
        write("docs/guide.md", "Back to [the README](../README.md#where-things-are), [escaped](../README%2Emd), "
                + "[out](../../elsewhere.md), [a code anchor](../bundles/org.yike.media/pom.xml#L1).\n");

        MarkdownLinks links = new MarkdownLinks(folder.getRoot().toPath());
        for (Path md : links.markdownFiles()) {
            links.check(md);
        }

        assertEquals(List.of(
                "README.md: (docs/bundles.png) no such file: docs/bundles.png",
                "README.md: (docs/timetable.md) no such file: docs/timetable.md",
                "README.md: (docs/api.md#recording) no heading with the anchor #recording in docs/api.md",
                "README.md: (#nowhere) no heading with the anchor #nowhere in README.md",
                "README.md: (docs/catalog.md) no such file: docs/catalog.md",
                "docs/guide.md: (../../elsewhere.md) leads out of the repository",
                "docs/guide.md: (../bundles/org.yike.media/pom.xml#L1) an anchor into a file that is not Markdown"),
                links.broken());
        assertEquals(Set.of("https://www.osgi.org/", "https://felix.apache.org/"), links.external());
    }

    @Test
    public void buildOutputAndDependenciesAreNotChecked() throws IOException {
        write("README.md", "# Yike\n");
        write("itests/rtsp-server/node_modules/x/README.md", "[broken](nothing.md)\n");
        write("bundles/org.yike.api/target/README.md", "[broken](nothing.md)\n");
        Path root = folder.getRoot().toPath();
        assertEquals(List.of(root.resolve("README.md")), new MarkdownLinks(root).markdownFiles());
    }

    private Path write(String name, String text) throws IOException {
        Path file = folder.getRoot().toPath().resolve(name);
        Files.createDirectories(file.getParent());
        assertTrue(Files.notExists(file));
        return Files.writeString(file, text);
    }
}
