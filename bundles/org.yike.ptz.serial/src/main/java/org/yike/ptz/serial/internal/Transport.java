package org.yike.ptz.serial.internal;

import java.io.IOException;

/** How a protocol's command reaches the camera: as it is (Pelco-D), or framed and acknowledged (VISCA over IP). */
interface Transport {

    void send(byte[] command) throws IOException;
}
