/**
 * The settings of a plain start as the bundles read them: a framework property (Felix answers a
 * system property where the launcher set none), else the {@code YIKE_*} environment variable, else
 * the default. Everything else is ConfigAdmin.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.yike.settings;
