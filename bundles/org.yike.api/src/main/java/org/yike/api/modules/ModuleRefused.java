package org.yike.api.modules;

/**
 * A change to the modules that was refused, with the reason in words a person can act on; nothing
 * was changed. The kind tells a caller (the HTTP API) which answer to give.
 */
public class ModuleRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** No such bundle, version or module. */
        NOT_FOUND,
        /** Not a bundle, or a bundle whose manifest cannot be used. */
        INVALID,
        /** No signature, or only some entries signed. */
        UNSIGNED,
        /** Signed, but by a certificate that is not trusted here. */
        UNTRUSTED,
        /** Changed after it was signed. */
        TAMPERED,
        /** Semantic versioning broken against the previous version. */
        BASELINE,
        /** A requirement that neither the installed bundles nor the repositories meet. */
        UNRESOLVED,
        /** The same version is already there, or the change contradicts the current state. */
        CONFLICT,
        /** Installed, but failed to start or its components were not satisfied in time; rolled back. */
        FAILED
    }

    private final Kind kind;

    public ModuleRefused(Kind kind, String reason) {
        super(reason);
        this.kind = kind;
    }

    public ModuleRefused(Kind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
