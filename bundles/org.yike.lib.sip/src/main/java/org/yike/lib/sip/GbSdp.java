package org.yike.lib.sip;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Vector;

import javax.sdp.Attribute;
import javax.sdp.MediaDescription;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import javax.sdp.SessionDescription;
import javax.sdp.TimeDescription;

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

    /**
     * A {@code s=Play} description of one PS stream at 90 kHz: from {@code id} at {@code address},
     * video on {@code port} over {@code protocol} ({@code RTP/AVP}, {@code TCP/RTP/AVP}) with payload type
     * {@code payloadType}, in {@code direction} ({@code recvonly} for the platform's offer, {@code sendonly}
     * for the device's answer), the attributes {@code extra} after those.
     */
    public static GbSdp play(String id, String address, int port, String protocol, int payloadType, String direction,
            List<Attribute> extra, String ssrc) throws SdpException {
        SdpFactory sdp = SdpFactory.getInstance();
        SessionDescription s = sdp.createSessionDescription();
        s.setVersion(sdp.createVersion(0));
        s.setOrigin(sdp.createOrigin(id, 0, 0, "IN", "IP4", address));
        s.setSessionName(sdp.createSessionName("Play"));
        s.setConnection(sdp.createConnection("IN", "IP4", address));
        Vector<TimeDescription> times = new Vector<>();
        times.add(sdp.createTimeDescription());
        s.setTimeDescriptions(times);
        MediaDescription video = sdp.createMediaDescription("video", port, 1, protocol, new int[] { payloadType });
        Vector<Attribute> attributes = new Vector<>();
        attributes.add(sdp.createAttribute(direction, null));
        attributes.add(sdp.createAttribute("rtpmap", payloadType + " PS/90000"));
        attributes.addAll(extra);
        video.setAttributes(attributes);
        Vector<MediaDescription> media = new Vector<>();
        media.add(video);
        s.setMediaDescriptions(media);
        return new GbSdp(s, ssrc, null);
    }

    /** The description as sent: javax.sdp's lines, then {@code y=} and {@code f=} where given. */
    public byte[] bytes() {
        StringBuilder s = new StringBuilder(description.toString());
        if (ssrc != null) s.append("y=").append(ssrc).append("\r\n");
        if (format != null) s.append("f=").append(format).append("\r\n");
        return s.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
