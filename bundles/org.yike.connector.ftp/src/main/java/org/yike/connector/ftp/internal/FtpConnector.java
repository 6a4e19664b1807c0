package org.yike.connector.ftp.internal;

import java.io.IOException;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.yike.api.connector.FileServerConnector;
import org.yike.api.connector.PlatformConnector;
import org.yike.api.connector.RemoteFolder;

/** Publishing targets on FTP and FTPS servers; see {@link FtpTarget} for a target's configuration. */
@Component(service = PlatformConnector.class)
public class FtpConnector implements FileServerConnector {

    static final String FACTORY_PID = "org.yike.connector.ftp.target";

    @Override
    public String type() {
        return "ftp";
    }

    @Override
    public String factoryPid() {
        return FACTORY_PID;
    }

    @Override
    public RemoteFolder open(Map<String, Object> target) throws IOException {
        return FtpFolder.open(FtpSettings.of(target));
    }
}
