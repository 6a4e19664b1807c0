package org.yike.connector.gb28181.internal;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * A platform target's configuration, checked. The password is a secret: {@link #toString()} leaves
 * it out. {@code localAddress} is where the platform reaches Yike; where not given, the address this
 * host sends to the platform from.
 */
record UpstreamSettings(String platformAddress, int platformPort, String platformId, String platformDomain, String deviceId,
        String password, String localAddress, int localPort, int expirySeconds, int keepaliveSeconds, int rtpPortFirst,
        int rtpPortLast) {

    private static final String GB_ID = "\\d{20}";

    UpstreamSettings {
        if (platformAddress == null || platformAddress.isBlank()) throw new IllegalArgumentException("platformAddress is missing");
        if (platformId == null || !platformId.matches(GB_ID)) throw new IllegalArgumentException("platformId must be 20 digits");
        if (deviceId == null || !deviceId.matches(GB_ID)) throw new IllegalArgumentException("deviceId must be 20 digits");
        if (platformDomain == null || platformDomain.isBlank()) platformDomain = platformId.substring(0, 10);
        if (password == null || password.isEmpty()) throw new IllegalArgumentException("password is missing");
        if (expirySeconds < 60) throw new IllegalArgumentException("expirySeconds must be at least 60");
        if (keepaliveSeconds < 1) throw new IllegalArgumentException("keepaliveSeconds must be at least 1");
        if (rtpPortFirst < 1024 || rtpPortLast > 65535 || rtpPortLast < rtpPortFirst) {
            throw new IllegalArgumentException("the RTP ports must be a range within 1024-65535");
        }
        if (localAddress == null || localAddress.isBlank()) localAddress = towards(platformAddress, platformPort);
    }

    static UpstreamSettings of(Map<String, Object> c) {
        return new UpstreamSettings(string(c, "platformAddress", null), number(c, "platformPort", 5060), string(c, "platformId", null),
                string(c, "platformDomain", ""), string(c, "deviceId", null), string(c, "password", null), string(c, "localAddress", ""),
                number(c, "localPort", 5060), number(c, "expirySeconds", 3600), number(c, "keepaliveSeconds", 60),
                number(c, "rtpPortFirst", 30000), number(c, "rtpPortLast", 30100));
    }

    /** The device's domain: the first 10 digits of its id. */
    String deviceDomain() {
        return deviceId.substring(0, 10);
    }

    private static String string(Map<String, Object> c, String key, String otherwise) {
        Object o = c.get(key);
        return o == null ? otherwise : o.toString().trim();
    }

    private static int number(Map<String, Object> c, String key, int otherwise) {
        Object o = c.get(key);
        if (o == null || o.toString().isBlank()) return otherwise;
        try {
            return o instanceof Number n ? n.intValue() : Integer.parseInt(o.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not '" + o + "'");
        }
    }

    /** The local address the routing table picks for the platform (a UDP socket connects without sending). */
    private static String towards(String host, int port) {
        try (DatagramSocket s = new DatagramSocket()) {
            s.connect(new InetSocketAddress(host, port));
            return s.getLocalAddress().getHostAddress();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot find a route to " + host + ": " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "device " + deviceId + " on platform " + platformId + " at " + platformAddress + ":" + platformPort;
    }
}
