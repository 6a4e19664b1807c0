package org.yike.storage.s3.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.junit.After;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.yike.api.storage.BlobStore;
import org.yike.api.storage.BlobStoreContract;
import org.yike.api.storage.Upload;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The contract on S3Proxy on a free loopback port, a new bucket for each test. S3Proxy keeps the
 * buckets in a folder: its in-memory store makes a Jimfs file system, which the file system
 * providers of its other dependencies on this class path refuse to load beside.
 */
public class S3BlobStoreTest extends BlobStoreContract {

    private static final String ACCESS_KEY = "yike";
    private static final String SECRET_KEY = "秘密-secret";
    @ClassRule
    public static final TemporaryFolder BUCKETS = new TemporaryFolder();
    private static S3Proxy proxy;
    private static URI endpoint;
    private static int buckets;

    private String bucket;
    private final List<S3BlobStore> opened = new ArrayList<>();

    @BeforeClass
    public static void startS3Proxy() throws Exception {
        proxy = S3Proxy.builder().blobStore(new FilesystemNio2BlobStore(BUCKETS.getRoot().toString())).endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) throw new AssertionError("S3Proxy did not start: " + proxy.getState());
            Thread.onSpinWait();
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    @AfterClass
    public static void stopS3Proxy() throws Exception {
        if (proxy != null) proxy.stop();
    }

    /** The SDK as such, for what the store itself never does. */
    private S3Client admin;

    @Before
    public void makeBucket() {
        bucket = "lessons-" + ++buckets;
        admin = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .endpointOverride(endpoint).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
        admin.createBucket(r -> r.bucket(bucket));
    }

    @After
    public void closeStores() {
        opened.forEach(S3BlobStore::close);
        admin.close();
    }

    /**
     * An attempt that sent its last, short part and was cut before completing: the resumed upload
     * counts the full parts only and sends the short one again, so S3 takes the parts in order.
     */
    @Test
    public void aShortPartLeftByAnAttemptIsSentAgain() throws Exception {
        String key = "recordings/101/20261125-153553-101/program.mp4";
        int part = PartUpload.SMALLEST_PART;
        String id = admin.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
        admin.uploadPart(r -> r.bucket(bucket).key(key).uploadId(id).partNumber(1),
                RequestBody.fromBytes(Arrays.copyOf(video, part)));
        admin.uploadPart(r -> r.bucket(bucket).key(key).uploadId(id).partNumber(2),
                RequestBody.fromBytes(Arrays.copyOfRange(video, part, part + 1000)));

        BlobStore s = store();
        try (Upload u = s.upload(key, true)) {
            assertEquals(part, u.committed());
            u.write(video, part, video.length - part);
            u.complete();
        }
        try (InputStream in = s.get(key, 0, -1)) {
            assertArrayEquals(video, in.readAllBytes());
        }
        assertEquals("no upload left", List.of(), admin.listMultipartUploads(r -> r.bucket(bucket)).uploads());
    }

    @Override
    protected BlobStore store() {
        S3BlobStore s = new S3BlobStore(config(endpoint.toString(), bucket));
        opened.add(s);
        return s;
    }

    @Override
    protected boolean givesPlaybackAddresses() {
        return true;
    }

    /** The configuration a district enters, with the smallest part S3 allows. */
    static S3Storage config(String endpoint, String bucket) {
        return new S3Storage() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return S3Storage.class;
            }

            @Override
            public String endpoint() {
                return endpoint;
            }

            @Override
            public String region() {
                return "us-east-1";
            }

            @Override
            public String bucket() {
                return bucket;
            }

            @Override
            public String accessKey() {
                return ACCESS_KEY;
            }

            @Override
            public String secretKey() {
                return SECRET_KEY;
            }

            @Override
            public boolean pathStyle() {
                return true;
            }

            @Override
            public int presignMinutes() {
                return 10;
            }

            @Override
            public int partMiB() {
                return 5;
            }
        };
    }
}
