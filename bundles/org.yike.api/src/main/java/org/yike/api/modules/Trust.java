package org.yike.api.modules;

import java.nio.file.Path;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The certificates whose signatures make a bundle acceptable, here. */
@ProviderType
public interface Trust {

    /**
     * The subject of the trusted certificate that signed every entry of this jar; refuses
     * ({@link ModuleRefused.Kind#UNSIGNED}, {@link ModuleRefused.Kind#UNTRUSTED},
     * {@link ModuleRefused.Kind#TAMPERED}) otherwise.
     */
    String signer(Path jar);

    /** The subjects of the trusted certificates. */
    List<String> trusted();
}
