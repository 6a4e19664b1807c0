package org.yike.connector.ftp.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;
import org.yike.api.connector.RemoteFolder;

/** A logged-in FTP or FTPS session in the target's base folder. */
final class FtpFolder implements RemoteFolder {

    private final FTPClient ftp;
    private final FtpSettings settings;
    private final Set<String> madeFolders = new HashSet<>();

    private FtpFolder(FTPClient ftp, FtpSettings settings) {
        this.ftp = ftp;
        this.settings = settings;
    }

    static FtpFolder open(FtpSettings s) throws IOException {
        FTPClient ftp = switch (s.tls()) {
            case NONE -> new FTPClient();
            case EXPLICIT -> new FTPSClient(false);
            case IMPLICIT -> new FTPSClient(true);
        };
        if (ftp instanceof FTPSClient ftps) ftps.setTrustManager(trust(s));
        ftp.setControlEncoding(s.encoding().name());
        ftp.setConnectTimeout((int) s.timeout().toMillis());
        ftp.setDefaultTimeout((int) s.timeout().toMillis());
        ftp.setDataTimeout(s.timeout());
        ftp.setBufferSize(64 * 1024);
        FtpFolder folder = new FtpFolder(ftp, s);
        try {
            ftp.connect(s.host(), s.port());
            ftp.setSoTimeout((int) s.timeout().toMillis());
            if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) throw folder.refused("the server refused the connection");
            if (!ftp.login(s.user(), s.password())) throw folder.refused("user " + s.user() + " was refused");
            if (ftp instanceof FTPSClient ftps) {
                ftps.execPBSZ(0);
                ftps.execPROT("P");
            }
            // RFC 2640: servers that know it send names as UTF-8; others answer 5xx and are left as they are
            if (s.encoding().name().equals("UTF-8")) ftp.sendCommand("OPTS", "UTF8 ON");
            if (!ftp.setFileType(FTP.BINARY_FILE_TYPE)) throw folder.refused("binary mode was refused");
            if (s.passive()) ftp.enterLocalPassiveMode();
            if (!s.base().isEmpty()) {
                folder.makeFolders(s.base() + "/");
                if (!ftp.changeWorkingDirectory("/" + s.base()) && !ftp.changeWorkingDirectory(s.base())) {
                    throw folder.refused("folder " + s.base() + " cannot be entered");
                }
            }
            return folder;
        } catch (IOException e) {
            folder.close();
            throw e.getMessage() != null && e.getMessage().startsWith(s.toString()) ? e
                    : new IOException(s + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long size(String path) throws IOException {
        String size = ftp.getSize(path);
        if (size == null) return -1;
        try {
            return Long.parseLong(size.trim());
        } catch (NumberFormatException e) {
            throw refused("SIZE " + path + " answered '" + size + "'");
        }
    }

    @Override
    public OutputStream write(String path, long offset) throws IOException {
        makeFolders(path);
        ftp.setRestartOffset(offset);
        OutputStream data = ftp.storeFileStream(path);
        if (data == null) throw refused("the server would not take " + path + (offset > 0 ? " from byte " + offset : ""));
        return new FilterOutputStream(data) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                super.close();
                if (!ftp.completePendingCommand()) throw refused("the server did not confirm " + path);
            }
        };
    }

    @Override
    public void rename(String from, String to) throws IOException {
        if (ftp.rename(from, to)) return;
        // servers that will not rename over a file: the old one goes first
        if (size(to) >= 0 && ftp.deleteFile(to) && ftp.rename(from, to)) return;
        throw refused("renaming " + from + " to " + to + " was refused");
    }

    @Override
    public void delete(String path) throws IOException {
        if (!ftp.deleteFile(path) && size(path) >= 0) throw refused("deleting " + path + " was refused");
    }

    @Override
    public void close() {
        if (!ftp.isConnected()) return;
        try {
            ftp.logout();
        } catch (IOException ignored) {
            // the server may have gone: the socket is closed below either way
        }
        try {
            ftp.disconnect();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    /** Each folder of {@code path} (the part before its last slash), made where missing. */
    private void makeFolders(String path) throws IOException {
        int slash = -1;
        while ((slash = path.indexOf('/', slash + 1)) > 0) {
            String folder = path.substring(0, slash);
            if (madeFolders.add(folder)) ftp.makeDirectory(folder); // 550 where it exists already
        }
    }

    private IOException refused(String what) {
        return new IOException(settings + ": " + what + " (" + ftp.getReplyString().trim() + ")");
    }

    /** The certificate pinned by its SHA-256 where configured, else the JVM's trusted authorities. */
    private static TrustManager trust(FtpSettings s) throws IOException {
        try {
            if (s.certificateSha256().isEmpty()) {
                TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                f.init((KeyStore) null);
                return f.getTrustManagers()[0];
            }
            return new X509TrustManager() {
                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                    String seen;
                    try {
                        seen = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
                    } catch (GeneralSecurityException e) {
                        throw new CertificateException(e);
                    }
                    if (!seen.equals(s.certificateSha256())) {
                        throw new CertificateException("the server's certificate has SHA-256 " + seen + ", not the configured "
                                + s.certificateSha256());
                    }
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                    throw new CertificateException("a client certificate is not expected here");
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IOException("no TLS trust store: " + e.getMessage(), e);
        }
    }
}
