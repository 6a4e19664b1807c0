package org.yike.recording.internal.input;

import static org.junit.Assert.assertEquals;

import java.nio.ByteBuffer;

import org.junit.After;
import org.junit.Test;
import org.yike.api.director.Framing;
import org.yike.api.encoder.VideoFrame;

/** A picture of four grey quarters, cropped to one of them: the whole program shows that grey. */
public class PictureScalerTest {

    private static final int W = 320;
    private static final int H = 180;

    private final PictureScaler scaler = new PictureScaler(W, H);
    private final ByteBuffer out = ByteBuffer.allocateDirect(VideoFrame.bytes(W, H));

    @After
    public void close() {
        scaler.close();
    }

    @Test
    public void aCropFillsTheProgram() {
        ByteBuffer quarters = ByteBuffer.allocateDirect(VideoFrame.bytes(W, H));
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) quarters.put(y * W + x, (byte) (y < H / 2 ? (x < W / 2 ? 40 : 90) : (x < W / 2 ? 140 : 200)));
        }
        for (int i = W * H; i < quarters.capacity(); i++) quarters.put(i, (byte) 128);

        scaler.scale(quarters, W, H, Framing.crop(0.5, 0.5, 0.5, 0.5), out);
        assertEquals("top left of the program: the bottom right quarter", 200, luma(4, 4), 3);
        assertEquals(200, luma(W - 4, H - 4), 3);

        scaler.scale(quarters, W, H, Framing.crop(0, 0, 0.5, 1), out);
        assertEquals("the left half, stretched", 40, luma(W - 4, 4), 3);
        assertEquals(140, luma(W - 4, H - 4), 3);

        scaler.scale(quarters, W, H, null, out);
        assertEquals("whole", 90, luma(W - 4, 4), 3);
    }

    @Test
    public void aRawSourceOfItsOwnSizeIsScaledToTheProgram() {
        // twice the program's size, its left half dark and its right half bright
        int w = 2 * W, h = 2 * H;
        ByteBuffer own = ByteBuffer.allocateDirect(VideoFrame.bytes(w, h));
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) own.put(y * w + x, (byte) (x < w / 2 ? 30 : 220));
        }
        for (int i = w * h; i < own.capacity(); i++) own.put(i, (byte) 128);

        scaler.scale(own, w, h, null, out);
        assertEquals(30, luma(4, H - 4), 3);
        assertEquals(220, luma(W - 4, 4), 3);

        scaler.scale(own, w, h, Framing.crop(0.5, 0, 0.5, 1), out);
        assertEquals("its right half, cropped at its own size", 220, luma(4, 4), 3);
    }

    private int luma(int x, int y) {
        return out.get(y * W + x) & 0xFF;
    }
}
