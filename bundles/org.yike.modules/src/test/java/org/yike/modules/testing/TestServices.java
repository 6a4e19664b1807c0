package org.yike.modules.testing;

import java.nio.file.Path;

import org.yike.api.modules.AuditLog;
import org.yike.api.modules.Trust;
import org.yike.modules.internal.JsonAuditLog;
import org.yike.modules.internal.TrustedCertificates;

/** This bundle's trust and audit log outside a framework, for other bundles' unit tests. */
public final class TestServices {

    private TestServices() {
    }

    /** Trusts the certificates of these PEM files. */
    public static Trust trusting(Path... pems) throws Exception {
        return TrustedCertificates.of(pems);
    }

    /** The audit log, one JSON line an entry, in {@code file}. */
    public static AuditLog auditLog(Path file) {
        return new JsonAuditLog(file);
    }
}
