/**
 * What the device drivers share, so that each driver bundle holds its protocol only: the
 * configuration checks said in words, the retry backoff, the watches on a device's state (a
 * camera's stream, a node on this machine), the device's accessors and state, and the driver's
 * description. Drivers of integrators may use it too.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.yike.driver.support;
