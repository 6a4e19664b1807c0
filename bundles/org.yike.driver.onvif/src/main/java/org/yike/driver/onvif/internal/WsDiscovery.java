package org.yike.driver.onvif.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * WS-Discovery's Probe for ONVIF network video transmitters, sent as one UDP datagram (to the
 * multicast group 239.255.255.250:3702 on a school's network) and the ProbeMatches that come back
 * within the time given.
 */
final class WsDiscovery {

    record Match(String endpoint, List<String> xaddrs, List<String> scopes) {

        /** The camera's name from its {@code onvif://www.onvif.org/name/…} scope, else its first address. */
        String name() {
            for (String s : scopes) {
                if (s.startsWith("onvif://www.onvif.org/name/")) {
                    return URLDecoder.decode(s.substring(27), StandardCharsets.UTF_8);
                }
            }
            return xaddrs.isEmpty() ? endpoint : xaddrs.get(0);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(WsDiscovery.class);

    private WsDiscovery() {
    }

    static List<Match> probe(InetSocketAddress to, Duration timeout) throws IOException {
        String id = "urn:uuid:" + UUID.randomUUID();
        byte[] probe = Soap.serialize(probeMessage(id)).getBytes(StandardCharsets.UTF_8);
        Map<String, Match> found = new LinkedHashMap<>();
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(probe, probe.length, to));
            long end = System.nanoTime() + timeout.toNanos();
            byte[] buffer = new byte[65_507];
            for (long left = timeout.toMillis(); left > 0; left = (end - System.nanoTime()) / 1_000_000) {
                socket.setSoTimeout((int) Math.max(1, left));
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    break;
                }
                try {
                    for (Match m : matches(Soap.parse(Arrays.copyOf(p.getData(), p.getLength()), "ProbeMatches"), id)) {
                        found.putIfAbsent(m.endpoint(), m);
                    }
                } catch (Soap.Failure e) {
                    LOG.debug("Ignoring a datagram from {} that is not a ProbeMatches: {}", p.getSocketAddress(), e.getMessage());
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    private static Document probeMessage(String id) {
        Element probe = Soap.request("d", "Probe");
        Soap.add(probe, "d", "Types", "dn:NetworkVideoTransmitter")
                .setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:dn", "http://www.onvif.org/ver10/network/wsdl");
        Element header = (Element) probe.getOwnerDocument().getDocumentElement().getFirstChild();
        Soap.add(header, "a", "MessageID", id);
        Soap.add(header, "a", "To", "urn:schemas-xmlsoap-org:ws:2005:04:discovery");
        Soap.add(header, "a", "Action", "http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe");
        return probe.getOwnerDocument();
    }

    /** The matches of an answer to our probe; answers to other probes on the network are not ours. */
    private static List<Match> matches(Document answer, String id) {
        List<Match> matches = new ArrayList<>();
        String relatesTo = Soap.text(answer, "/s:Envelope/s:Header/a:RelatesTo");
        if (!relatesTo.isEmpty() && !relatesTo.equals(id)) return matches;
        for (Element m : Soap.elements(answer, "/s:Envelope/s:Body/d:ProbeMatches/d:ProbeMatch")) {
            matches.add(new Match(Soap.text(m, "a:EndpointReference/a:Address"), words(Soap.text(m, "d:XAddrs")),
                    words(Soap.text(m, "d:Scopes"))));
        }
        return matches;
    }

    private static List<String> words(String list) {
        return list.isEmpty() ? List.of() : List.of(list.split("\\s+"));
    }
}
