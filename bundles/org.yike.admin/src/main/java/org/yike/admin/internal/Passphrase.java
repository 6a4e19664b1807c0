package org.yike.admin.internal;

import static org.yike.api.admin.AdminRefused.Kind.INVALID;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.yike.api.admin.AdminRefused;

/**
 * Secrets of an exported configuration sealed under the school's passphrase: a key derived with
 * PBKDF2 (HMAC-SHA256, a salt of the file's own), each secret AES-GCM with an IV of its own and its
 * place in the file as associated data, so a sealed password cannot be moved to another device.
 */
final class Passphrase {

    static final String KDF = "PBKDF2WithHmacSHA256";
    private static final int ITERATIONS = 210_000;
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final byte[] salt;
    private final int iterations;

    private Passphrase(String passphrase, byte[] salt, int iterations) {
        if (passphrase.length() < 8) throw new AdminRefused(INVALID, "a passphrase has at least 8 characters");
        this.salt = salt;
        this.iterations = iterations;
        try {
            byte[] derived = SecretKeyFactory.getInstance(KDF)
                    .generateSecret(new PBEKeySpec(passphrase.toCharArray(), salt, iterations, 256)).getEncoded();
            key = new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot derive a key with " + KDF + ": " + e.getMessage(), e);
        }
    }

    /** A new passphrase key for an export, with a fresh salt. */
    static Passphrase fresh(String passphrase) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new Passphrase(passphrase, salt, ITERATIONS);
    }

    /** The key an export was sealed with, from its {@code sealed} description. */
    static Passphrase of(String passphrase, JsonNode description) {
        if (!KDF.equals(description.path("kdf").asText()) || !description.path("iterations").canConvertToInt()) {
            throw new AdminRefused(INVALID, "the file's secrets are sealed in a way this runtime does not know: " + description);
        }
        return new Passphrase(passphrase, Base64.getDecoder().decode(description.path("salt").asText()),
                description.path("iterations").asInt());
    }

    ObjectNode description() {
        return Setup.JSON.createObjectNode().put("kdf", KDF).put("iterations", iterations)
                .put("salt", Base64.getEncoder().encodeToString(salt)).put("cipher", "AES/GCM/NoPadding");
    }

    String seal(String secret, String place) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            c.updateAAD(place.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a secret: " + e.getMessage(), e);
        }
    }

    /** The secret; a wrong passphrase or a secret moved from its place is refused. */
    String open(String sealed, String place) {
        try {
            byte[] in = Base64.getDecoder().decode(sealed);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, IV_BYTES));
            c.updateAAD(place.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new AdminRefused(INVALID, "the passphrase does not open the secrets of this file (" + place + ")");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new AdminRefused(INVALID, "the sealed secret of " + place + " is damaged: " + e.getMessage());
        }
    }
}
