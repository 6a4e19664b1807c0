/**
 * Where Yike keeps its files: a {@link org.yike.api.storage.BlobStore} holds blobs under keys such as
 * {@code recordings/101/20261125-153553-101/program.mp4}, on the runtime's data folder or on an
 * S3-compatible object store, read in ranges and written in resumable uploads.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.yike.api.storage;
