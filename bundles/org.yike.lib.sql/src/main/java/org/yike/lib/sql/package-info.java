/** Plain JDBC with less ceremony for the bundles that keep tables in the runtime's database. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.yike.lib.sql;
