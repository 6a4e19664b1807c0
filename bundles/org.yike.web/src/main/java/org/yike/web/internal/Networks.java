package org.yike.web.internal;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.access.Role;

/** The networks each role may call from ({@code role=CIDR} entries); a role with none may call from anywhere. */
final class Networks {

    private static final Logger LOG = LoggerFactory.getLogger(Networks.class);

    private record Cidr(byte[] network, int bits) {

        boolean contains(byte[] address) {
            if (address.length != network.length) return false;
            BigInteger mask = BigInteger.ONE.shiftLeft(network.length * 8).subtract(BigInteger.ONE)
                    .shiftRight(bits).not();
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    private final Map<Role, List<Cidr>> allowed = new EnumMap<>(Role.class);

    Networks(String[] entries) {
        for (String entry : entries) {
            try {
                String[] roleAndCidr = entry.split("=", 2);
                String[] cidr = roleAndCidr[1].strip().split("/", 2);
                // only a literal address, which getByName parses without asking any name server
                if (!cidr[0].matches("[0-9a-fA-F:.]+")) throw new IllegalArgumentException();
                byte[] network = InetAddress.getByName(cidr[0]).getAddress();
                int bits = cidr.length == 2 ? Integer.parseInt(cidr[1]) : network.length * 8;
                if (bits < 0 || bits > network.length * 8) throw new IllegalArgumentException();
                allowed.computeIfAbsent(Role.ofWireName(roleAndCidr[0].strip()), r -> new ArrayList<>()).add(new Cidr(network, bits));
            } catch (RuntimeException | UnknownHostException e) {
                LOG.warn("Left out allowed network '{}': write role=address/bits, e.g. school-admin=10.1.0.0/16", entry);
            }
        }
    }

    boolean admits(Role role, String address) {
        List<Cidr> networks = allowed.get(role);
        if (networks == null) return true;
        try {
            byte[] a = InetAddress.getByName(address).getAddress();
            return networks.stream().anyMatch(n -> n.contains(a));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
