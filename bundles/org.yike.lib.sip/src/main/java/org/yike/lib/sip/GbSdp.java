package org.yike.lib.sip;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import javax.sdp.SessionDescription;

/**
 * GB/T 28181's SDP: RFC 4566 plus the {@code y=} line (the SSRC, ten digits) and {@code f=} (the
 * media's form). javax.sdp knows neither and its parser refuses a description holding them, so they
 * are taken off before it parses and put back after it writes. {@code ssrc} and {@code format} are
 * {@code null} where the description has none.
 */
public record GbSdp(SessionDescription description, String ssrc, String format) {

    /** Parses a body of {@code application/sdp}. */
    public static GbSdp parse(byte[] body) throws SdpException {
        String ssrc = null;
        String format = null;
        StringBuilder rfc4566 = new StringBuilder();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\r?\n")) {
            String l = line.strip();
            if (l.toLowerCase(Locale.ROOT).startsWith("y=")) ssrc = l.substring(2).strip();
            else if (l.toLowerCase(Locale.ROOT).startsWith("f=")) format = l.substring(2).strip();
            else if (!l.isEmpty()) rfc4566.append(l).append("\r\n");
        }
        return new GbSdp(SdpFactory.getInstance().createSessionDescription(rfc4566.toString()), ssrc, format);
    }

    /** The description as sent: javax.sdp's lines, then {@code y=} and {@code f=} where given. */
    public byte[] bytes() {
        StringBuilder s = new StringBuilder(description.toString());
        if (ssrc != null) s.append("y=").append(ssrc).append("\r\n");
        if (format != null) s.append("f=").append(format).append("\r\n");
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
