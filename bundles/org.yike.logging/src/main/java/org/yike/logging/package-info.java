/** Log levels per bundle and logger name, changed at run time. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.yike.logging;
