package org.yike.timetable.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.yike.api.timetable.RowError;
import org.yike.api.timetable.TimetableRejected;

/**
 * The text of an uploaded file: UTF-8 with or without BOM, else GBK (what Excel saves on a Chinese
 * Windows), each decoded strictly, so a byte that fits neither is refused instead of read as garbage.
 */
final class Text {

    private static final Charset GBK = Charset.forName("GBK");

    private Text() {
    }

    static String decode(byte[] bytes) {
        int from = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                ? 3 : 0;
        try {
            return strictly(StandardCharsets.UTF_8, bytes, from);
        } catch (CharacterCodingException notUtf8) {
            if (from == 0) {
                try {
                    return strictly(GBK, bytes, 0);
                } catch (CharacterCodingException notGbk) {
                    // neither: refused below
                }
            }
            throw new TimetableRejected(List.of(new RowError(0,
                    "the file is neither UTF-8 nor GBK text; save it from Excel as \"CSV UTF-8\"")));
        }
    }

    private static String strictly(Charset charset, byte[] bytes, int from) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, from, bytes.length - from)).toString();
    }
}
