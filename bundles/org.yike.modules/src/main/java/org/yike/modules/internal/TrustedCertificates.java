package org.yike.modules.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.modules.Trust;
import org.yike.settings.FrameworkSettings;

/** The trusted signer certificates: PEM files named in ConfigAdmin and in {@code yike.trust} / {@code YIKE_TRUST}. */
@Component(service = Trust.class, configurationPid = TrustedCertificates.PID)
@Designate(ocd = TrustedCertificates.Config.class)
public class TrustedCertificates implements Trust {

    static final String PID = "org.yike.modules.trust";
    private static final Logger LOG = LoggerFactory.getLogger(TrustedCertificates.class);

    @ObjectClassDefinition(name = "Trusted module signers", description = "Only bundles signed by one of these "
            + "certificates (or a certificate they issued) are installed or published")
    public @interface Config {
        @AttributeDefinition(name = "Certificate files", description = "PEM files of trusted signer certificates, "
                + "besides the one named by yike.trust / YIKE_TRUST", required = false)
        String[] certificates() default {};
    }

    private volatile List<X509Certificate> trusted = List.of();

    @Activate
    @Modified
    void configure(BundleContext context, Config config) {
        List<Path> files = new ArrayList<>();
        FrameworkSettings.of(context).trust().ifPresent(files::add);
        for (String f : config.certificates()) if (!f.isBlank()) files.add(Path.of(f.trim()));
        List<X509Certificate> all = new ArrayList<>();
        for (Path f : files) {
            try {
                all.addAll(read(f));
            } catch (IOException | CertificateException e) {
                LOG.error("Trusted certificates {} cannot be read, so no module signed by them installs", f, e);
            }
        }
        trusted = List.copyOf(all);
        LOG.info("Modules signed by {} certificate(s) are trusted: {}", all.size(), trusted());
    }

    /** Trusts the certificates of these PEM files, outside a framework (other bundles' tests, through TestServices). */
    public static TrustedCertificates of(Path... pems) throws IOException, CertificateException {
        List<X509Certificate> all = new ArrayList<>();
        for (Path p : pems) all.addAll(read(p));
        TrustedCertificates trust = new TrustedCertificates();
        trust.trusted = List.copyOf(all);
        return trust;
    }

    @Override
    public String signer(Path jar) {
        return Signatures.signer(jar, trusted);
    }

    @Override
    public List<String> trusted() {
        return trusted.stream().map(c -> c.getSubjectX500Principal().getName()).toList();
    }

    static List<X509Certificate> read(Path pem) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(pem)) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) c);
            }
            if (certificates.isEmpty()) throw new CertificateException("no certificate in " + pem);
            return certificates;
        }
    }
}
