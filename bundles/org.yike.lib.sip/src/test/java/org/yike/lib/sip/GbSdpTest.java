package org.yike.lib.sip;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;

import javax.sdp.MediaDescription;

import org.junit.Test;

/** GB/T 28181's SDP through javax.sdp, whose parser alone refuses the y= and f= lines. */
public class GbSdpTest {

    /** A camera's answer to a TCP INVITE with setup:active, as GB/T 28181 devices write it. */
    private static final String ANSWER = "v=0\r\no=34020000001320000001 0 0 IN IP4 192.168.1.64\r\ns=Play\r\nc=IN IP4 192.168.1.64\r\n"
            + "t=0 0\r\nm=video 15060 TCP/RTP/AVP 96\r\na=sendonly\r\na=rtpmap:96 PS/90000\r\na=setup:passive\r\na=connection:new\r\n"
            + "y=0100000001\r\nf=v/2/4///a///\r\n";

    @Test
    public void yAndFAreTakenOffAndTheRestParsed() throws Exception {
        GbSdp sdp = GbSdp.parse(ANSWER.getBytes(StandardCharsets.US_ASCII));
        assertEquals("0100000001", sdp.ssrc());
        assertEquals("v/2/4///a///", sdp.format());
        MediaDescription m = (MediaDescription) sdp.description().getMediaDescriptions(false).get(0);
        assertEquals(15060, m.getMedia().getMediaPort());
        assertEquals("TCP/RTP/AVP", m.getMedia().getProtocol());
        assertEquals("passive", m.getAttribute("setup"));
        assertEquals("192.168.1.64", sdp.description().getConnection().getAddress());
    }

    @Test
    public void writtenBackTheyFollowTheDescription() throws Exception {
        byte[] again = GbSdp.parse(ANSWER.getBytes(StandardCharsets.US_ASCII)).bytes();
        String text = new String(again, StandardCharsets.US_ASCII);
        assertTrue(text, text.endsWith("a=connection:new\r\ny=0100000001\r\nf=v/2/4///a///\r\n"));
        assertEquals(GbSdp.parse(again).ssrc(), "0100000001");
    }

    @Test
    public void aDescriptionWithoutThemHasNone() throws Exception {
        GbSdp sdp = GbSdp.parse("v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=Play\r\nt=0 0\r\n".getBytes(StandardCharsets.US_ASCII));
        assertNull(sdp.ssrc());
        assertNull(sdp.format());
    }
}
