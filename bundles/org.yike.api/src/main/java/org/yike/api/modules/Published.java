package org.yike.api.modules;

import java.util.List;

/**
 * A bundle in the district repository: {@code channel} is {@code pilot} (offered only to
 * {@code schools}), {@code stable} (offered to all) or {@code withdrawn} (offered to none).
 */
public record Published(String bsn, String version, String channel, List<String> schools, String signer) {
}
