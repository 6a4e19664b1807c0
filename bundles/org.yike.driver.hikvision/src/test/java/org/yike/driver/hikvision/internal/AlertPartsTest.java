package org.yike.driver.hikvision.internal;

import static org.junit.Assert.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

public class AlertPartsTest {

    @Test
    public void partsWithAndWithoutContentLengthAndTheCloseDelimiter() throws IOException {
        String body = "preamble\r\n"
                + "--MIME_boundary\r\nContent-Type: application/xml; charset=\"UTF-8\"\r\nContent-Length: 9\r\n\r\n<a>1</a>\n\r\n"
                + "--MIME_boundary\r\nContent-Type: application/xml\r\n\r\n<b>\r\n2</b>\r\n"
                + "--MIME_boundary--\r\n--MIME_boundary\r\nContent-Length: 3\r\n\r\nnot read";
        List<String> parts = new ArrayList<>();
        AlertParts.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)),
                "multipart/mixed; boundary=\"MIME_boundary\"", b -> parts.add(new String(b, StandardCharsets.UTF_8)));
        assertEquals(List.of("<a>1</a>\n", "<b>\r\n2</b>"), parts);
    }

    @Test
    public void aBodyWithoutABoundaryIsSaidInWords() {
        try {
            AlertParts.read(new ByteArrayInputStream(new byte[0]), "application/xml", b -> { });
            throw new AssertionError("no boundary");
        } catch (IOException e) {
            assertEquals("the alertStream is not multipart: Content-Type application/xml", e.getMessage());
        }
    }
}
