package org.yike.driver.hikvision.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;
import org.apache.james.mime4j.util.ContentUtil;

/**
 * The parts of a camera's alertStream, a multipart/mixed body that never ends, each handed on as
 * soon as its body is complete. Cameras open each message with the delimiter, so a reader that
 * ends a body at the delimiter after it (mime4j's stream holds back a delimiter's length of bytes
 * until it sees what follows) hears each event only when the next message comes, seconds later. A
 * part's {@code Content-Length}, which the cameras send, says where its body ends; a part without
 * one still ends at the next delimiter. Header fields and the boundary are read with mime4j.
 */
final class AlertParts {

    interface Receiver {
        void part(byte[] body) throws IOException;
    }

    private final InputStream in;
    private final String delimiter;

    private AlertParts(InputStream in, String delimiter) {
        this.in = new BufferedInputStream(in);
        this.delimiter = delimiter;
    }

    /** Reads the parts of {@code body} until it ends, handing each to {@code receiver}. */
    static void read(InputStream body, String contentType, Receiver receiver) throws IOException {
        new AlertParts(body, "--" + boundary(contentType)).read(receiver);
    }

    private static String boundary(String contentType) throws IOException {
        RawFieldParser parser = RawFieldParser.DEFAULT;
        try {
            for (NameValuePair p : parser.parseRawBody(parser.parseField(ContentUtil.encode("Content-Type: " + contentType)))
                    .getParams()) {
                if (p.getName().equalsIgnoreCase("boundary") && p.getValue() != null && !p.getValue().isEmpty()) {
                    return p.getValue();
                }
            }
        } catch (MimeException e) {
            throw new IOException("the alertStream's Content-Type is not readable: " + e.getMessage(), e);
        }
        throw new IOException("the alertStream is not multipart: Content-Type " + contentType);
    }

    private void read(Receiver receiver) throws IOException {
        byte[] line = readLine();
        while (line != null && !isDelimiter(line)) line = readLine(); // the preamble
        while (line != null && !text(line).startsWith(delimiter + "--")) {
            long length = -1;
            for (byte[] header = readLine(); header != null && !text(header).isEmpty(); header = readLine()) {
                if (length < 0) length = contentLength(header);
            }
            if (length >= 0) {
                byte[] part = in.readNBytes((int) Math.min(length, Integer.MAX_VALUE));
                if (part.length < length) return; // the stream ended inside the part
                receiver.part(part);
                line = readLine();
                while (line != null && !isDelimiter(line)) line = readLine(); // the line break before the next delimiter
            } else {
                ByteArrayOutputStream part = new ByteArrayOutputStream();
                for (line = readLine(); line != null && !isDelimiter(line); line = readLine()) part.writeBytes(line);
                if (line == null) return;
                byte[] b = part.toByteArray();
                int end = b.length;
                if (end > 0 && b[end - 1] == '\n') end--; // the line break belongs to the delimiter
                if (end > 0 && b[end - 1] == '\r') end--;
                receiver.part(Arrays.copyOf(b, end));
            }
        }
    }

    /** The value of a {@code Content-Length} field, else -1. */
    private static long contentLength(byte[] header) {
        try {
            RawField field = RawFieldParser.DEFAULT.parseField(ContentUtil.encode(text(header)));
            return field.getName().equalsIgnoreCase("Content-Length") ? Long.parseLong(field.getBody().trim()) : -1;
        } catch (MimeException | NumberFormatException notOne) {
            return -1;
        }
    }

    private boolean isDelimiter(byte[] line) {
        return text(line).startsWith(delimiter);
    }

    /** A line without its line break. */
    private static String text(byte[] line) {
        return new String(line, StandardCharsets.ISO_8859_1).stripTrailing();
    }

    /** The next line with its line break, {@code null} at the end of the stream. */
    private byte[] readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b = in.read(); b >= 0; b = in.read()) {
            line.write(b);
            if (b == '\n') return line.toByteArray();
        }
        return line.size() == 0 ? null : line.toByteArray();
    }
}
