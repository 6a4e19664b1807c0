package org.yike.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * The links of a tree of Markdown files, read with commonmark (the CommonMark reference parser for
 * Java): a relative link must lead to a file or folder that exists, and its {@code #fragment} to a
 * heading of the Markdown file it leads to, by GitHub's anchors (lower case, punctuation dropped,
 * spaces as hyphens, a repeated heading's anchor followed by -1, -2…: the heading-anchor extension's
 * {@link IdGenerator}). External links are collected, never fetched.
 */
final class MarkdownLinks {
    private static final Pattern EXTERNAL = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    /** Folders that hold no documentation of the project's own: build output, npm packages, CI's repository. */
    private static final Set<String> SKIPPED = Set.of("target", "node_modules", ".git", ".ci");

    private final Path root;
    private final Parser parser = Parser.builder().build();
    private final Map<Path, Set<String>> anchors = new HashMap<>();
    private final List<String> broken = new ArrayList<>();
    private final Set<String> external = new TreeSet<>();

    MarkdownLinks(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** Every {@code .md} file under the root, outside build output and dependencies' folders. */
    List<Path> markdownFiles() throws IOException {
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return SKIPPED.contains(dir.getFileName().toString()) ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (file.getFileName().toString().endsWith(".md")) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(null);
        return found;
    }

    /** Checks each link of the file; what is wrong goes to {@link #broken()}. */
    void check(Path file) throws IOException {
        Path source = file.toAbsolutePath().normalize();
        for (String destination : destinations(parse(source))) {
            if (EXTERNAL.matcher(destination).find()) {
                external.add(destination);
                continue;
            }
            String problem = problem(source, destination);
            if (problem != null) {
                broken.add(root.relativize(source) + ": (" + destination + ") " + problem);
            }
        }
    }

    /** Each broken link as "file: (link) what is wrong", in the order found. */
    List<String> broken() {
        return broken;
    }

    /** The external links met, sorted. */
    Set<String> external() {
        return external;
    }

    /** The anchors GitHub gives the headings of a Markdown file. */
    Set<String> anchors(Path markdown) {
        return anchors.computeIfAbsent(markdown.toAbsolutePath().normalize(), f -> {
            IdGenerator ids = IdGenerator.builder().build();
            Set<String> found = new HashSet<>();
            parse(f).accept(new AbstractVisitor() {
                @Override
                public void visit(Heading heading) {
                    found.add(ids.generateId(text(heading).trim().toLowerCase()));
                }
            });
            return found;
        });
    }

    private String problem(Path source, String destination) {
        int hash = destination.indexOf('#');
        String path = decode(hash < 0 ? destination : destination.substring(0, hash));
        String fragment = hash < 0 ? null : decode(destination.substring(hash + 1));
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        Path target = path.isEmpty() ? source
                : path.startsWith("/") ? root.resolve(path.substring(1)).normalize()
                : source.getParent().resolve(path).normalize();
        if (!target.startsWith(root)) {
            return "leads out of the repository";
        }
        if (!Files.exists(target)) {
            return "no such file: " + root.relativize(target);
        }
        if (fragment == null || fragment.isEmpty()) {
            return null;
        }
        if (!target.toString().endsWith(".md")) {
            return "an anchor into a file that is not Markdown";
        }
        return anchors(target).contains(fragment) ? null
                : "no heading with the anchor #" + fragment + " in " + root.relativize(target);
    }

    private Node parse(Path file) {
        try {
            return parser.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> destinations(Node document) {
        List<String> found = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                found.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                found.add(image.getDestination());
                visitChildren(image);
            }
        });
        return found;
    }

    /** A heading's text as GitHub takes it for the anchor: its text and code spans, markup left out. */
    private static String text(Node heading) {
        StringBuilder text = new StringBuilder();
        heading.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }

    /** Percent-escapes decoded; a plus stays a plus (it means a space only in a query). */
    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
