/**
 * Who may use the runtime: users with a role and a scope, their logins, sessions and API tokens, and
 * the audit of what they changed.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.yike.api.access;
