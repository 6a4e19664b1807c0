package org.yike.storage.s3.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.yike.api.storage.Upload;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * A blob sent in parts of {@code partSize} bytes, each as soon as it is full. The multipart upload
 * starts with the first full part (a smaller blob goes in one request at the end); resumed, it
 * continues after the parts the store already lists.
 */
final class PartUpload implements Upload {

    /** What S3 takes as a part that is not the last. */
    static final int SMALLEST_PART = 5 * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final byte[] part;
    private final List<CompletedPart> sent = new ArrayList<>();
    private String uploadId;
    private int filled;
    private long committed;

    PartUpload(S3Client s3, String bucket, String key, int partSize, String resumed) throws IOException {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.part = new byte[partSize];
        this.uploadId = resumed;
        if (resumed != null) {
            try {
                // the unbroken run of full parts from part 1: a part after a gap came from an attempt that failed
                // before it, and a short one was meant as the last (sent again, S3 keeps a part number's latest)
                for (Part p : s3.listPartsPaginator(r -> r.bucket(bucket).key(key).uploadId(resumed)).parts()) {
                    if (p.partNumber() != sent.size() + 1 || p.size() < SMALLEST_PART) break;
                    sent.add(CompletedPart.builder().partNumber(p.partNumber()).eTag(p.eTag()).build());
                    committed += p.size();
                }
            } catch (SdkException e) {
                throw new IOException("cannot list the parts of " + key + " already sent: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public long committed() {
        return committed;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = Math.min(len, part.length - filled);
            System.arraycopy(b, off, part, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == part.length) send();
        }
    }

    private void send() throws IOException {
        try {
            if (uploadId == null) {
                uploadId = s3.createMultipartUpload(r -> r.bucket(bucket).key(key)).uploadId();
            }
            int number = sent.size() + 1;
            String eTag = s3.uploadPart(r -> r.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                    RequestBody.fromBytes(filled == part.length ? part : Arrays.copyOf(part, filled))).eTag();
            sent.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
            committed += filled;
            filled = 0;
        } catch (SdkException e) {
            throw new IOException("cannot send part " + (sent.size() + 1) + " of " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void complete() throws IOException {
        try {
            if (uploadId == null) {
                s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(Arrays.copyOf(part, filled)));
            } else {
                if (filled > 0 || sent.isEmpty()) send();
                s3.completeMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId)
                        .multipartUpload(m -> m.parts(sent)));
            }
            uploadId = null;
            filled = 0;
        } catch (SdkException e) {
            throw new IOException("cannot complete " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void abort() throws IOException {
        filled = 0;
        committed = 0;
        if (uploadId == null) return;
        try {
            s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
            uploadId = null;
        } catch (SdkException e) {
            throw new IOException("cannot abort the upload of " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // the parts sent stay on the store for a resumed upload; what was short of a part is lost
    }
}
