package org.yike.live.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts the bytes an FLV muxer writes, in whatever runs it writes them, into the file header and whole
 * tags (11-byte tag header, data, 4-byte previous tag size), each handed on as soon as it is complete.
 */
final class FlvTags {

    /** The 9-byte FLV header and the first, empty previous tag size. */
    static final int FILE_HEADER = 13;
    private static final int TAG_HEADER = 11;

    static final int AUDIO = 8;
    static final int VIDEO = 9;
    static final int SCRIPT = 18;

    /** One piece: the file header ({@code type} 0) or a whole tag. */
    record Tag(int type, byte[] bytes) {

        boolean fileHeader() {
            return type == 0;
        }

        /**
         * A video key frame that a decoder can start from (not the codec's configuration). The frame
         * type is in bits 4-6 alike in legacy FLV (bit 7 clear) and enhanced FLV (HEVC: bit 7 set).
         */
        boolean keyFrame() {
            return type == VIDEO && bytes.length > TAG_HEADER && (bytes[TAG_HEADER] & 0x70) == 0x10 && !config();
        }

        /**
         * The codec's configuration a decoder needs before any frame: the AVC sequence header, enhanced
         * FLV's SequenceStart (packet type 0), the AAC sequence header.
         */
        boolean config() {
            if (bytes.length < TAG_HEADER + 2) return false;
            int first = bytes[TAG_HEADER] & 0xff;
            if (type == VIDEO && (first & 0x80) != 0) return (first & 0x0f) == 0;
            if (type == VIDEO && (first & 0x0f) == 7) return bytes[TAG_HEADER + 1] == 0;
            return type == AUDIO && (first >> 4) == 10 && bytes[TAG_HEADER + 1] == 0;
        }
    }

    private final Consumer<Tag> next;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private boolean headerSeen;

    FlvTags(Consumer<Tag> next) {
        this.next = next;
    }

    void write(byte[] bytes) throws IOException {
        pending.write(bytes);
        byte[] all = pending.toByteArray();
        int at = 0;
        while (true) {
            int size;
            if (!headerSeen) {
                if (all.length < FILE_HEADER) break;
                if (all[0] != 'F' || all[1] != 'L' || all[2] != 'V') throw new IOException("the muxer wrote no FLV header");
                size = FILE_HEADER;
            } else {
                if (all.length - at < TAG_HEADER) break;
                int dataSize = (all[at + 1] & 0xff) << 16 | (all[at + 2] & 0xff) << 8 | all[at + 3] & 0xff;
                size = TAG_HEADER + dataSize + 4;
            }
            if (all.length - at < size) break;
            byte[] piece = Arrays.copyOfRange(all, at, at + size);
            next.accept(new Tag(headerSeen ? piece[0] & 0x1f : 0, piece));
            headerSeen = true;
            at += size;
        }
        pending.reset();
        pending.write(all, at, all.length - at);
    }
}
