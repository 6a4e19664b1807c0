package org.yike.modules.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

import jdk.security.jarsigner.JarSigner;

/**
 * A signing key made the way a district admin makes one: the JDK's {@code keytool} creates the key
 * pair and self-signed certificate in a PKCS12 keystore and exports the certificate (PEM) as
 * {@code certificate}; jars are signed with the JDK's jar signer (what {@code jarsigner} runs).
 */
public record Keys(Path keystore, Path certificate, String alias) {

    private static final String PASSWORD = "changeit";

    /** A new key {@code alias} with the certificate subject {@code CN=<cn>}, in {@code folder}. */
    public static Keys make(Path folder, String alias, String cn) throws IOException, InterruptedException {
        Files.createDirectories(folder);
        Path keystore = folder.resolve(alias + ".p12");
        Path pem = folder.resolve(alias + ".pem");
        Files.deleteIfExists(keystore);
        keytool("-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + cn + ",O=Yike tests",
                "-validity", "3650", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", pem.toString());
        return new Keys(keystore, pem, alias);
    }

    /** Signs {@code jar} into {@code signed}. */
    public Path sign(Path jar, Path signed) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        PrivateKey key = (PrivateKey) ks.getKey(alias, PASSWORD.toCharArray());
        List<java.security.cert.Certificate> chain = new ArrayList<>(List.of(ks.getCertificateChain(alias)));
        JarSigner signer = new JarSigner.Builder(key, CertificateFactory.getInstance("X.509").generateCertPath(chain)).build();
        try (ZipFile in = new ZipFile(jar.toFile()); var out = Files.newOutputStream(signed)) {
            signer.sign(in, out);
        }
        return signed;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IOException("keytool failed: " + output);
    }
}
