package org.yike.driver.gb28181.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sip.header.AuthorizationHeader;

/**
 * The platform's side of SIP digest authentication (RFC 2617 MD5, with or without {@code qop=auth}):
 * the nonces it gave out, each good for a while, and the check of an answer. The header's fields
 * come parsed from the SIP stack.
 */
final class Digest {

    static final Duration NONCE_LIFE = Duration.ofMinutes(5);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> nonces = new ConcurrentHashMap<>();
    private final Clock clock;

    Digest(Clock clock) {
        this.clock = clock;
    }

    /** A new nonce for a 401's challenge. */
    String nonce() {
        Instant now = clock.instant();
        nonces.values().removeIf(given -> given.plus(NONCE_LIFE).isBefore(now));
        byte[] b = new byte[16];
        random.nextBytes(b);
        String nonce = HexFormat.of().formatHex(b);
        nonces.put(nonce, now);
        return nonce;
    }

    /**
     * Whether {@code answer} to {@code method} proves {@code password} for {@code realm}, with a
     * nonce this platform gave and that has not expired.
     */
    boolean verifies(AuthorizationHeader answer, String method, String realm, String password) {
        Instant given = answer.getNonce() == null ? null : nonces.get(answer.getNonce());
        if (given == null || given.plus(NONCE_LIFE).isBefore(clock.instant())) return false;
        if (!realm.equals(answer.getRealm()) || answer.getUsername() == null || answer.getResponse() == null) return false;
        String algorithm = answer.getAlgorithm();
        if (algorithm != null && !algorithm.equalsIgnoreCase("MD5")) return false;
        String ha1 = md5(answer.getUsername() + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + answer.getURI());
        String qop = answer.getQop();
        String expected = qop == null || qop.isEmpty()
                ? md5(ha1 + ":" + answer.getNonce() + ":" + ha2)
                : md5(ha1 + ":" + answer.getNonce() + ":" + String.format("%08x", answer.getNonceCount()) + ":"
                        + answer.getCNonce() + ":" + qop + ":" + ha2);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                answer.getResponse().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
