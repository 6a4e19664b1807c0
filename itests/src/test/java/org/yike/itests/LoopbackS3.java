package org.yike.itests;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * S3Proxy on a free loopback port, its buckets folders under a root, running until the JVM ends.
 * Outside the framework only: the tests' probe bundle cannot see S3Proxy's classes.
 */
final class LoopbackS3 {

    private LoopbackS3() {
    }

    /** Starts S3Proxy with the bucket {@code bucket} under {@code root}; answers its endpoint. */
    static String start(Path root, String bucket, String accessKey, String secretKey) throws Exception {
        Files.createDirectories(root.resolve(bucket));
        S3Proxy proxy = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(root.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, accessKey, secretKey).build();
        proxy.start();
        Await.until("S3Proxy started", 15, () -> "STARTED".equals(proxy.getState()));
        return "http://127.0.0.1:" + proxy.getPort();
    }
}
