package org.yike.lib.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * MANSCDP, the XML in the bodies of GB/T 28181's MESSAGEs: read with the JDK's parsers, written with
 * StAX. Cameras declare {@code GB2312} and often send characters only GBK has (a classroom's name in
 * a channel's), so the GB encodings are all read as GB18030, which holds them all.
 */
public final class Manscdp {

    public static final String CONTENT_TYPE = "Application";
    public static final String CONTENT_SUBTYPE = "MANSCDP+xml";
    /** What Yike writes: the encoding the standard names, which every camera reads. */
    public static final Charset WRITTEN = Charset.forName("GB2312");
    private static final Charset GB = Charset.forName("GB18030");

    /** One body: its root ({@code Query}, {@code Response}, {@code Notify}, {@code Control}), CmdType, SN and DeviceID. */
    public record Message(String root, String cmdType, String sn, String deviceId, Element element) {

        /** The text of the child {@code name}, {@code ""} where there is none. */
        public String text(String name) {
            return Manscdp.text(element, name);
        }

        /** The {@code Item}s of a Catalog response's {@code DeviceList}. */
        public List<Channel> channels() {
            List<Channel> channels = new ArrayList<>();
            NodeList items = element.getElementsByTagName("Item");
            for (int i = 0; i < items.getLength(); i++) {
                Element item = (Element) items.item(i);
                channels.add(new Channel(Manscdp.text(item, "DeviceID"), Manscdp.text(item, "Name"),
                        Manscdp.text(item, "Manufacturer"), Manscdp.text(item, "Model"), Manscdp.text(item, "Status")));
            }
            return channels;
        }

        /** The {@code Item}s of a PresetQuery response's {@code PresetList}. */
        public List<Preset> presets() {
            List<Preset> presets = new ArrayList<>();
            NodeList items = element.getElementsByTagName("Item");
            for (int i = 0; i < items.getLength(); i++) {
                Element item = (Element) items.item(i);
                presets.add(new Preset(Manscdp.text(item, "PresetID"), Manscdp.text(item, "PresetName")));
            }
            return presets;
        }

        /** Catalog responses come in parts: this part's count is SumNum's share. */
        public int sumNum() {
            try {
                return Integer.parseInt(text("SumNum"));
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /** A channel of a device's catalog; {@code status} is {@code ON}, {@code OFF} or empty where the device does not say. */
    public record Channel(String id, String name, String manufacturer, String model, String status) {

        public boolean off() {
            return "OFF".equalsIgnoreCase(status);
        }
    }

    /** A preset of a channel: its number and the name given to it on the camera, which may be empty. */
    public record Preset(String id, String name) {

        public String label() {
            return name.isEmpty() ? id : name;
        }
    }

    private Manscdp() {
    }

    /** Parses a body; throws where it is no MANSCDP XML. */
    public static Message parse(byte[] body) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throws the fatal errors, instead of printing them too
            doc = builder.parse(new InputSource(new StringReader(new String(body, charset(body)))));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not MANSCDP XML: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        return new Message(root.getTagName(), text(root, "CmdType"), text(root, "SN"), text(root, "DeviceID"), root);
    }

    /**
     * The charset the body's XML declaration names (the GB ones as GB18030), UTF-8 where it names
     * none. The declaration is read by StAX from the bytes taken one to a character, which the
     * ASCII of a declaration survives whatever follows it.
     */
    public static Charset charset(byte[] body) throws IOException {
        String declared;
        try {
            XMLInputFactory f = XMLInputFactory.newFactory();
            f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            XMLStreamReader r = f.createXMLStreamReader(new StringReader(new String(body, StandardCharsets.ISO_8859_1)));
            declared = r.getCharacterEncodingScheme();
            r.close();
        } catch (XMLStreamException e) {
            throw new IOException("not MANSCDP XML: " + e.getMessage(), e);
        }
        if (declared == null) return StandardCharsets.UTF_8;
        String name = declared.toUpperCase(Locale.ROOT);
        if (name.startsWith("GB") || name.equals("EUC-CN")) return GB;
        try {
            return Charset.forName(declared);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IOException("MANSCDP XML in an unknown encoding: " + declared);
        }
    }

    /**
     * A {@code Query}, {@code Response} (or other root) of {@code cmdType} about {@code deviceId}, with
     * {@code more} children in order: a String value is an element's text, a list of maps is a list
     * element ({@code DeviceList}, {@code RecordList}) with its {@code Num} and one {@code Item} per map.
     */
    public static byte[] write(String root, String cmdType, long sn, String deviceId, Map<String, ?> more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, WRITTEN.name());
            w.writeStartDocument(WRITTEN.name(), "1.0");
            w.writeStartElement(root);
            element(w, "CmdType", cmdType);
            element(w, "SN", Long.toString(sn));
            element(w, "DeviceID", deviceId);
            children(w, more);
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write MANSCDP " + cmdType, e);
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static void children(XMLStreamWriter w, Map<String, ?> children) throws XMLStreamException {
        for (Map.Entry<String, ?> e : children.entrySet()) {
            if (e.getValue() instanceof List<?> items) {
                w.writeStartElement(e.getKey());
                w.writeAttribute("Num", Integer.toString(items.size()));
                for (Object item : items) {
                    w.writeStartElement("Item");
                    children(w, (Map<String, ?>) item);
                    w.writeEndElement();
                }
                w.writeEndElement();
            } else {
                element(w, e.getKey(), String.valueOf(e.getValue()));
            }
        }
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    /** The trimmed text of {@code parent}'s first child element {@code name}, {@code ""} where there is none. */
    private static String text(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) return e.getTextContent().trim();
        }
        return "";
    }
}
