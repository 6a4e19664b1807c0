/**
 * Administration of an installation, for the HTTP API, the Gogo shell and whatever else offers it to
 * people: the devices and their drivers ({@link DeviceAdmin}), and the configuration one at a time
 * or whole as one file ({@link SchoolConfiguration}). Values travel as plain Java (strings, numbers,
 * booleans, lists and maps as JSON would hold them), checked against the Metatype descriptions; a
 * refusal is an {@link AdminRefused} in words a person can act on, and changes nothing.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.yike.api.admin;
