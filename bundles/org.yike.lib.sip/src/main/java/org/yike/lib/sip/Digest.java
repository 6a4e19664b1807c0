package org.yike.lib.sip;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.WWWAuthenticateHeader;

/**
 * SIP digest authentication (RFC 2617 MD5, with or without {@code qop=auth}). The platform's side:
 * the nonces it gave out, each good for a while, and the check of an answer; the device's side: the
 * answer to a challenge. The headers' fields come parsed from the SIP stack.
 */
public final class Digest {

    public static final Duration NONCE_LIFE = Duration.ofMinutes(5);

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> nonces = new ConcurrentHashMap<>();
    private final Clock clock;

    public Digest(Clock clock) {
        this.clock = clock;
    }

    /** A new nonce for a 401's challenge. */
    public String nonce() {
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
    public boolean verifies(AuthorizationHeader answer, String method, String realm, String password) {
        Instant given = answer.getNonce() == null ? null : nonces.get(answer.getNonce());
        if (given == null || given.plus(NONCE_LIFE).isBefore(clock.instant())) return false;
        if (!realm.equals(answer.getRealm()) || answer.getUsername() == null || answer.getResponse() == null) return false;
        String algorithm = answer.getAlgorithm();
        if (algorithm != null && !algorithm.equalsIgnoreCase("MD5")) return false;
        String expected = response(answer.getUsername(), realm, password, method, answer.getURI().toString(), answer.getNonce(),
                answer.getQop(), answer.getNonceCount(), answer.getCNonce());
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                answer.getResponse().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The device's answer to {@code challenge} for a {@code method} request to {@code uri}: qop=auth
     * where the challenge offers it (with a fresh cnonce, nonce count 1), else RFC 2069's.
     */
    public AuthorizationHeader answer(HeaderFactory headers, WWWAuthenticateHeader challenge, String method, URI uri, String user,
            String password) throws ParseException {
        AuthorizationHeader a = headers.createAuthorizationHeader("Digest");
        a.setUsername(user);
        a.setRealm(challenge.getRealm());
        a.setNonce(challenge.getNonce());
        a.setURI(uri);
        a.setAlgorithm("MD5");
        String qop = challenge.getQop() != null && List.of(challenge.getQop().split(",")).stream().map(String::trim)
                .anyMatch("auth"::equals) ? "auth" : null;
        String cnonce = null;
        if (qop != null) {
            byte[] b = new byte[8];
            random.nextBytes(b);
            cnonce = HexFormat.of().formatHex(b);
            a.setQop(qop);
            a.setCNonce(cnonce);
            a.setNonceCount(1);
        }
        if (challenge.getOpaque() != null) a.setOpaque(challenge.getOpaque());
        a.setResponse(response(user, challenge.getRealm(), password, method, uri.toString(), challenge.getNonce(), qop, 1, cnonce));
        return a;
    }

    private static String response(String user, String realm, String password, String method, String uri, String nonce, String qop,
            int nonceCount, String cnonce) {
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + uri);
        return qop == null || qop.isEmpty() ? md5(ha1 + ":" + nonce + ":" + ha2)
                : md5(ha1 + ":" + nonce + ":" + String.format("%08x", nonceCount) + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    public static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
