/**
 * What both GB/T 28181 roles speak besides SIP itself: digest authentication, MANSCDP bodies, RTP
 * headers, GB/T 28181's SDP with its {@code y=} line, and a NIST stack made in this bundle.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.yike.lib.sip;
