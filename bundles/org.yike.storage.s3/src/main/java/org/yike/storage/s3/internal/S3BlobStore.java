package org.yike.storage.s3.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.yike.api.storage.BlobInfo;
import org.yike.api.storage.BlobStore;
import org.yike.api.storage.Upload;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Blobs as objects of one bucket, the key as the object's key. Uploads are S3 multipart uploads
 * that outlive the runtime: an upload resumed after a crash finds its parts on the store.
 */
@Component(service = BlobStore.class, configurationPid = S3BlobStore.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, property = BlobStore.KIND + "=s3")
@Designate(ocd = S3Storage.class)
public class S3BlobStore implements BlobStore {

    static final String PID = "org.yike.storage.s3";

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final Duration presignFor;
    private final int partSize;

    @Activate
    public S3BlobStore(S3Storage config) {
        for (String[] a : new String[][] { { "bucket", config.bucket() }, { "accessKey", config.accessKey() },
                { "secretKey", config.secretKey() } }) {
            if (a[1] == null || a[1].isBlank()) throw new IllegalArgumentException(PID + " needs its " + a[0]);
        }
        this.bucket = config.bucket();
        this.presignFor = Duration.ofMinutes(config.presignMinutes());
        this.partSize = config.partMiB() * 1024 * 1024;
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKey(), config.secretKey()));
        Region region = Region.of(config.region());
        URI endpoint = config.endpoint().isBlank() ? null : URI.create(config.endpoint().trim());
        // the SDK loads some of its parts through the context class loader: in OSGi that must be this bundle's
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(S3BlobStore.class.getClassLoader());
        try {
            var client = S3Client.builder().httpClient(UrlConnectionHttpClient.builder()
                            .connectionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(60)).build())
                    .region(region).credentialsProvider(credentials).forcePathStyle(config.pathStyle())
                    // checksums only where S3 requires them: stores other than AWS refuse the SDK's default trailers
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            var presign = S3Presigner.builder().region(region).credentialsProvider(credentials)
                    .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle()).build());
            if (endpoint != null) {
                client.endpointOverride(endpoint);
                presign.endpointOverride(endpoint);
            }
            this.s3 = client.build();
            this.presigner = presign.build();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Deactivate
    void close() {
        presigner.close();
        s3.close();
    }

    /** Runs a request, an SDK failure as the {@link IOException} the API promises. */
    private static <T> T call(String what, Supplier<T> request) throws IOException {
        try {
            return request.get();
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(what);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) throw new NoSuchFileException(what);
            throw new IOException(what + ": " + e.awsErrorDetails().errorMessage() + " (" + e.statusCode() + ")", e);
        } catch (SdkException e) {
            throw new IOException(what + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Upload upload(String key, boolean resume) throws IOException {
        BlobStore.checkKey(key);
        List<MultipartUpload> unfinished = new ArrayList<>(call("uploads of " + key,
                () -> s3.listMultipartUploadsPaginator(r -> r.bucket(bucket).prefix(key)).uploads().stream()
                        .filter(u -> u.key().equals(key)).toList()));
        unfinished.sort(Comparator.comparing(MultipartUpload::initiated));
        String resumed = resume && !unfinished.isEmpty() ? unfinished.remove(unfinished.size() - 1).uploadId() : null;
        for (MultipartUpload u : unfinished) {
            call("aborting an upload of " + key,
                    () -> s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(u.uploadId())));
        }
        return new PartUpload(s3, bucket, key, partSize, resumed);
    }

    @Override
    public InputStream get(String key, long offset, long length) throws IOException {
        BlobStore.checkKey(key);
        GetObjectRequest.Builder r = GetObjectRequest.builder().bucket(bucket).key(key);
        if (length == 0) {
            stat(key).orElseThrow(() -> new NoSuchFileException(key));
            return InputStream.nullInputStream();
        }
        if (offset > 0 || length > 0) r.range("bytes=" + offset + "-" + (length < 0 ? "" : offset + length - 1));
        return call(key, () -> s3.getObject(r.build()));
    }

    @Override
    public Optional<BlobInfo> stat(String key) throws IOException {
        BlobStore.checkKey(key);
        try {
            return Optional.of(call(key, () -> s3.headObject(r -> r.bucket(bucket).key(key))))
                    .map(h -> new BlobInfo(key, h.contentLength(), h.lastModified()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<BlobInfo> list(String prefix) throws IOException {
        return call("the list of " + prefix, () -> s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix))
                .contents().stream().map(o -> new BlobInfo(o.key(), o.size(), o.lastModified()))
                .sorted(Comparator.comparing(BlobInfo::key)).toList());
    }

    @Override
    public void delete(String key) throws IOException {
        BlobStore.checkKey(key);
        call(key, () -> s3.deleteObject(r -> r.bucket(bucket).key(key)));
    }

    @Override
    public Optional<URI> playbackAddress(String key) throws IOException {
        BlobStore.checkKey(key);
        try {
            return Optional.of(presigner.presignGetObject(p -> p.signatureDuration(presignFor)
                    .getObjectRequest(r -> r.bucket(bucket).key(key))).url().toURI());
        } catch (SdkException | URISyntaxException e) {
            throw new IOException("cannot sign an address of " + key + ": " + e.getMessage(), e);
        }
    }
}
