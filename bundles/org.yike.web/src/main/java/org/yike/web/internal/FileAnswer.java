package org.yike.web.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A file as HTTP answers it to players: a single byte range (206 with Content-Range; 416 where the
 * range lies past the end), the whole file otherwise, and as an attachment with a UTF-8 name when
 * downloaded. Several ranges in one request get the whole file, as RFC 9110 allows.
 */
final class FileAnswer {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");
    private static final Map<String, String> TYPES = Map.of("mp4", "video/mp4", "m4s", "video/iso.segment",
            "m3u8", "application/vnd.apple.mpegurl", "jpg", "image/jpeg", "json", "application/json");
    /** RFC 8187 attr-char: what a {@code filename*} value may hold unescaped. */
    private static final String ATTR_CHARS = "!#$&+-.^_`|~";

    private FileAnswer() {
    }

    /** Sends {@code file}; {@code downloadName} (or null) makes it an attachment of that name. */
    static void send(HttpServletRequest req, HttpServletResponse resp, Path file, String downloadName) throws IOException {
        long length = Files.size(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        String etag = "\"" + Long.toHexString(length) + "-" + Long.toHexString(modified) + "\"";
        String name = file.getFileName().toString();
        resp.setHeader("Accept-Ranges", "bytes");
        resp.setHeader("ETag", etag);
        resp.setDateHeader("Last-Modified", modified);
        resp.setContentType(TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
        if (downloadName != null) resp.setHeader("Content-Disposition", attachment(downloadName));
        long start = 0;
        long end = length - 1;
        String range = req.getHeader("Range");
        String ifRange = req.getHeader("If-Range");
        Matcher m = range == null ? null : RANGE.matcher(range.strip());
        if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())
                && (ifRange == null || ifRange.equals(etag))) {
            if (m.group(1).isEmpty()) {
                start = Math.max(0, length - Long.parseLong(m.group(2)));
            } else {
                start = Long.parseLong(m.group(1));
                if (!m.group(2).isEmpty()) end = Math.min(end, Long.parseLong(m.group(2)));
            }
            if (start >= length || start > end) {
                resp.setStatus(416);
                resp.setHeader("Content-Range", "bytes */" + length);
                return;
            }
            resp.setStatus(206);
            resp.setHeader("Content-Range", "bytes " + start + "-" + end + "/" + length);
        } else {
            resp.setStatus(200);
        }
        resp.setContentLengthLong(end - start + 1);
        if (req.getMethod().equals("HEAD")) return;
        try (FileChannel in = FileChannel.open(file); OutputStream out = resp.getOutputStream()) {
            var channel = Channels.newChannel(out);
            for (long at = start, left = end - start + 1; left > 0; ) {
                long sent = in.transferTo(at, left, channel);
                if (sent <= 0) break;
                at += sent;
                left -= sent;
            }
        }
    }

    /** {@code attachment} with an ASCII stand-in name for old clients and the real one as UTF-8 (RFC 6266, 8187). */
    static String attachment(String name) {
        String clean = name.replaceAll("[\\p{Cntrl}/\\\\]", "_");
        StringBuilder ascii = new StringBuilder();
        StringBuilder encoded = new StringBuilder();
        clean.codePoints().forEach(c -> ascii.append(c < 0x7f && c != '"' && c != '%' ? (char) c : '_'));
        for (byte b : clean.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 0x80 || ATTR_CHARS.indexOf(c) >= 0) encoded.append((char) c);
            else encoded.append('%').append(String.format("%02X", c));
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
