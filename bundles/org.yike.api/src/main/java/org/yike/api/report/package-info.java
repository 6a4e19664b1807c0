/**
 * Reports as files: a {@link org.yike.api.report.Table} (a title, column headings, rows of text and
 * numbers) written by the {@link org.yike.api.report.TableWriter} of a format (xlsx, pdf), each an optional
 * bundle.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.yike.api.report;
