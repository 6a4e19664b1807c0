/**
 * What director strategies share, so that each strategy bundle holds its own decisions only: the
 * rules of a calm program. Strategies of integrators may use it too.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.yike.director.support;
