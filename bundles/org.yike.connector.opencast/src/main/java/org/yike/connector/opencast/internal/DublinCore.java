package org.yike.connector.opencast.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.yike.api.recording.Recording;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A lesson's episode catalog in Opencast's Dublin Core: title, start, room, teacher, course. */
final class DublinCore {

    private static final String OPENCAST = "http://www.opencastproject.org/xsd/1.0/dublincore/";
    private static final String TERMS = "http://purl.org/dc/terms/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DublinCore() {
    }

    static String episode(Recording lesson, String spatial) throws IOException {
        JsonNode meta = metadata(lesson);
        try {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element root = doc.createElementNS(OPENCAST, "dublincore");
            root.setAttribute("xmlns:dcterms", TERMS);
            doc.appendChild(root);
            term(doc, "title", lesson.title() == null || lesson.title().isBlank() ? lesson.id() : lesson.title());
            term(doc, "created", (lesson.started() == null ? Instant.now() : lesson.started()).toString());
            term(doc, "spatial", spatial);
            term(doc, "creator", meta.path("teacher").asText(""));
            term(doc, "subject", meta.path("course").asText(""));
            StringWriter out = new StringWriter();
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IOException("the episode catalog could not be written: " + e.getMessage(), e);
        }
    }

    private static void term(Document doc, String name, String value) {
        if (value.isBlank()) return;
        Element e = doc.createElementNS(TERMS, "dcterms:" + name);
        e.setTextContent(value);
        doc.getDocumentElement().appendChild(e);
    }

    /** The lesson's lesson.json, or an empty object where it has none. */
    private static JsonNode metadata(Recording lesson) throws IOException {
        for (Recording.RecordedFile f : lesson.files()) {
            if (f.kind().equals("metadata") && Files.isRegularFile(Path.of(f.path()))) return JSON.readTree(Path.of(f.path()).toFile());
        }
        return JSON.createObjectNode();
    }
}
