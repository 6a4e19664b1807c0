/**
 * Modules: bundles a district publishes in an OSGi Repository and schools install, update and roll
 * back without restarting the runtime. Only bundles signed by a trusted certificate are accepted.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.yike.api.modules;
