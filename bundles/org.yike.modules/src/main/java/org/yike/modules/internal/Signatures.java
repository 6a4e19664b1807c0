package org.yike.modules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.yike.api.modules.ModuleRefused;
import org.yike.api.modules.ModuleRefused.Kind;

/**
 * Checks a jar's signature the way the JDK verifies signed jars: every entry read (a changed entry
 * fails its digest), every entry but the signature files signed by one same signer, whose
 * certificate chain leads to a trusted certificate.
 */
final class Signatures {

    private Signatures() {
    }

    /** The trusted certificate's subject; refuses unsigned, partly signed, tampered and unknown-signer jars. */
    static String signer(Path jar, Collection<X509Certificate> trusted) {
        String name = jar.getFileName().toString();
        Set<List<? extends Certificate>> common = null;
        String unsigned = null;
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            if (file.getManifest() == null) throw new ModuleRefused(Kind.INVALID, name + " has no manifest: it is not a bundle");
            byte[] buffer = new byte[16384];
            for (JarEntry e : Collections.list(file.entries())) {
                try (InputStream in = file.getInputStream(e)) {
                    while (in.read(buffer) >= 0) {
                        // reading to the end is what makes JarFile check the entry's digest
                    }
                } catch (SecurityException changed) {
                    throw new ModuleRefused(Kind.TAMPERED, name + " was changed after it was signed (" + changed.getMessage()
                            + "); ask the district for the jar as published");
                }
                if (e.isDirectory() || isSignatureFile(e.getName())) continue;
                Set<List<? extends Certificate>> chains = new LinkedHashSet<>();
                CodeSigner[] signers = e.getCodeSigners();
                if (signers != null) for (CodeSigner s : signers) chains.add(s.getSignerCertPath().getCertificates());
                if (chains.isEmpty()) {
                    if (unsigned == null) unsigned = e.getName();
                } else if (common == null) {
                    common = chains;
                } else {
                    common.retainAll(chains);
                }
            }
        } catch (IOException | SecurityException e) {
            throw new ModuleRefused(Kind.INVALID, name + " cannot be read as a jar: " + e.getMessage());
        }
        if (common == null) {
            throw new ModuleRefused(Kind.UNSIGNED, name + " is not signed: sign it with jarsigner and a key whose certificate is trusted here");
        }
        if (unsigned != null || common.isEmpty()) {
            throw new ModuleRefused(Kind.TAMPERED, name + " is only partly signed"
                    + (unsigned != null ? ": " + unsigned + " was added or changed after signing" : " (no one signer signed every entry)")
                    + "; ask the district for the jar as published");
        }
        for (List<? extends Certificate> chain : common) {
            X509Certificate anchor = trustedAnchor(chain, trusted);
            if (anchor != null) return anchor.getSubjectX500Principal().getName();
        }
        X509Certificate signer = (X509Certificate) common.iterator().next().get(0);
        throw new ModuleRefused(Kind.UNTRUSTED, name + " is signed by " + signer.getSubjectX500Principal().getName()
                + ", whose certificate is not trusted here; add it to the trusted certificates if it should be");
    }

    /** The trusted certificate the chain leads to, each certificate checked against its issuer's key on the way. */
    private static X509Certificate trustedAnchor(List<? extends Certificate> chain, Collection<X509Certificate> trusted) {
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate c = (X509Certificate) chain.get(i);
            if (trusted.contains(c)) return c;
            if (i + 1 == chain.size()) break;
            try {
                c.verify(chain.get(i + 1).getPublicKey());
            } catch (GeneralSecurityException broken) {
                return null;
            }
        }
        return null;
    }

    private static boolean isSignatureFile(String entry) {
        if (!entry.startsWith("META-INF/") || entry.indexOf('/', 9) >= 0) return false;
        String n = entry.substring(9).toUpperCase();
        return n.equals("MANIFEST.MF") || n.startsWith("SIG-") || n.endsWith(".SF") || n.endsWith(".RSA")
                || n.endsWith(".DSA") || n.endsWith(".EC");
    }
}
