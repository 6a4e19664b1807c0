package org.yike.modules.internal;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.yike.api.modules.AuditLog;
import org.yike.api.modules.Trust;

/** This bundle's trust and audit log outside a framework, for other bundles' unit tests. */
public final class TestServices {

    private TestServices() {
    }

    /** Trusts the certificates of these PEM files. */
    public static Trust trusting(Path... pems) throws Exception {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path p : pems) certificates.addAll(TrustedCertificates.read(p));
        return new Trust() {
            @Override
            public String signer(Path jar) {
                return Signatures.signer(jar, certificates);
            }

            @Override
            public List<String> trusted() {
                return certificates.stream().map(c -> c.getSubjectX500Principal().getName()).toList();
            }
        };
    }

    public static AuditLog auditLog(Path file) {
        return new JsonAuditLog(file);
    }
}
