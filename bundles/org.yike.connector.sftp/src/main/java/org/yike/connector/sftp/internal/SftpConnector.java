package org.yike.connector.sftp.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.apache.sshd.client.SshClient;
import org.yike.api.connector.FileServerConnector;
import org.yike.api.connector.PlatformConnector;
import org.yike.api.connector.RemoteFolder;
import org.yike.settings.FrameworkSettings;

/**
 * Publishing targets on SFTP servers; see {@link SftpTarget} for a target's configuration. The
 * servers' host keys are pinned in the data folder's {@code publish/sftp_known_hosts} (OpenSSH's
 * format) the first time each is met.
 */
@Component(service = PlatformConnector.class)
public class SftpConnector implements FileServerConnector {

    static final String FACTORY_PID = "org.yike.connector.sftp.target";

    private final SshClient client;

    @Activate
    public SftpConnector(BundleContext context) throws IOException {
        this(FrameworkSettings.of(context).dataFolder().resolve("publish").resolve("sftp_known_hosts"));
    }

    /** Outside a framework: tests and benchmarks, through {@code LoopbackSftpServer.connector}. */
    public SftpConnector(Path knownHosts) throws IOException {
        this.client = withSshdLoader(SshClient::setUpDefaultClient);
        client.setServerKeyVerifier(new PinnedHostKeys(knownHosts));
        client.start();
    }

    /** What SSHD loads by name it loads through the context class loader: in OSGi that must be SSHD's own. */
    private interface SshdWork<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code work} with SSHD's class loader as the thread's context class loader: otherwise SSHD
     * loads its security registrars from whatever loader the thread has, and where that one holds
     * another copy of SSHD (a launcher's class path) they do not fit its interfaces.
     */
    private static <T> T withSshdLoader(SshdWork<T> work) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(SshClient.class.getClassLoader());
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Override
    public String type() {
        return "sftp";
    }

    @Override
    public String factoryPid() {
        return FACTORY_PID;
    }

    @Override
    public RemoteFolder open(Map<String, Object> target) throws IOException {
        return withSshdLoader(() -> SftpFolder.open(client, SftpSettings.of(target)));
    }

    @Deactivate
    void close() {
        client.stop();
    }
}
