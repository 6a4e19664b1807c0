package org.yike.api.report;

import java.io.IOException;
import java.io.OutputStream;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Writes tables as files of one format. Registered with the service property {@link #FORMAT} naming the
 * format ({@code xlsx}, {@code pdf}), which callers ask for by that name.
 */
@ConsumerType
public interface TableWriter {

    /** The service property naming the format a writer writes, in lower case. */
    String FORMAT = "yike.report.format";

    /** The file's media type, e.g. {@code application/pdf}. */
    String mediaType();

    /** The file name's extension, without the dot: {@code pdf}. */
    String extension();

    /** Writes the table as one whole file to {@code out}, which stays open. */
    void write(Table table, OutputStream out) throws IOException;
}
