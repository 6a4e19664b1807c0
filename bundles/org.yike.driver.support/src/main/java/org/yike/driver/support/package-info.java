/**
 * What the network camera drivers share, so that each driver bundle holds its protocol only: the
 * configuration checks said in words, the retry backoff, the watch on a camera's stream and the
 * device accessors. Drivers of integrators may use it too.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.yike.driver.support;
