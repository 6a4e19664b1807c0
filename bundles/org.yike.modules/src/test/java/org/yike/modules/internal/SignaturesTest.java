package org.yike.modules.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import org.junit.BeforeClass;
import org.junit.Test;
import org.yike.api.modules.ModuleRefused;
import org.yike.api.modules.ModuleRefused.Kind;
import org.yike.modules.testing.Bundles;
import org.yike.modules.testing.Keys;

/** Jars signed by keytool-made keys: trusted, unknown signer, unsigned, tampered, partly signed. */
public class SignaturesTest {

    private static Path dir;
    private static Keys district;
    private static Keys stranger;
    private static Path unsigned;
    private static Path signed;
    private static List<X509Certificate> trusted;

    @BeforeClass
    public static void keysAndBundle() throws Exception {
        dir = Files.createDirectories(Path.of("target", "signatures-test"));
        district = Keys.make(dir.resolve("keys"), "district", "District of Yike");
        stranger = Keys.make(dir.resolve("keys"), "stranger", "Someone else");
        trusted = TrustedCertificates.read(district.certificate());
        unsigned = Bundles.build(dir.resolve("greeting.jar"), "org.acme.greeting", "1.0.0",
                Map.of("org.acme.greeting.Greeter", "package org.acme.greeting; public interface Greeter { String greet(); }"),
                Map.of("Export-Package", "org.acme.greeting;version=1.0.0"));
        signed = district.sign(unsigned, dir.resolve("greeting-signed.jar"));
    }

    @Test
    public void aJarSignedByATrustedKeyNamesItsSigner() {
        assertEquals("CN=District of Yike,O=Yike tests", Signatures.signer(signed, trusted));
    }

    @Test
    public void anUnsignedJarIsRefused() {
        assertRefused(unsigned, Kind.UNSIGNED, "is not signed");
    }

    @Test
    public void aJarSignedByAnUnknownKeyIsRefusedNamingTheSigner() throws Exception {
        Path other = stranger.sign(unsigned, dir.resolve("greeting-stranger.jar"));
        assertRefused(other, Kind.UNTRUSTED, "CN=Someone else");
    }

    @Test
    public void aChangedClassIsRefused() throws Exception {
        Path tampered = Bundles.tamper(signed, "org/acme/greeting/Greeter.class", dir.resolve("greeting-tampered.jar"));
        assertRefused(tampered, Kind.TAMPERED, "changed after it was signed");
    }

    @Test
    public void aClassAddedAfterSigningIsRefused() throws Exception {
        Path added = dir.resolve("greeting-added.jar");
        try (var in = new java.util.zip.ZipFile(signed.toFile());
                var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(added))) {
            for (var e : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(in.getInputStream(e).readAllBytes());
            }
            out.putNextEntry(new java.util.zip.ZipEntry("org/acme/greeting/Extra.class"));
            out.write(new byte[] {1, 2, 3});
        }
        assertRefused(added, Kind.TAMPERED, "org/acme/greeting/Extra.class");
    }

    private static void assertRefused(Path jar, Kind kind, String words) {
        try {
            Signatures.signer(jar, trusted);
            fail(jar + " was accepted");
        } catch (ModuleRefused e) {
            assertEquals(e.getMessage(), kind, e.kind());
            assertTrue(e.getMessage(), e.getMessage().contains(words));
        }
    }
}
