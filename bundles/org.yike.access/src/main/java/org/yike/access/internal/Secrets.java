package org.yike.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Random secrets and their hashes: passwords by bcrypt (Bouncy Castle), session ids and API tokens,
 * which are long and random already, by SHA-256.
 */
final class Secrets {

    /** bcrypt's work factor: about 0.1 s a password on a small server, 2^11 rounds. */
    private static final int BCRYPT_COST = 11;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** {@code bytes} random bytes, base64url. */
    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String hashPassword(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return OpenBSDBCrypt.generate("2b", password.toCharArray(), salt, BCRYPT_COST);
    }

    static boolean passwordMatches(String hash, String password) {
        return OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
