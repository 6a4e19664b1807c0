package org.yike.recording.internal.program;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.After;
import org.junit.Test;
import org.yike.api.director.Layout;
import org.yike.api.encoder.VideoFrame;

/** Composes solid-colour pictures and reads back which colour landed where. */
public class ComposerTest {

    private static final int W = 320;
    private static final int H = 180;
    /** Luma of four greys far apart, so scaling and chroma do not matter. */
    private static final int A = 30;
    private static final int B = 90;
    private static final int C = 150;
    private static final int D = 210;

    private final Composer composer = new Composer(W, H, 25);
    private final ByteBuffer out = ByteBuffer.allocateDirect(VideoFrame.bytes(W, H));

    @After
    public void close() {
        composer.close();
    }

    @Test
    public void pictureInPictureSitsInItsCorner() throws Exception {
        compose(Layout.PIP_TOP_RIGHT, A, B);
        assertEquals("main picture in the middle", A, luma(W / 2, H / 2), 2);
        assertEquals("the small picture top right", B, luma(W - W / 8 - 8, H / 8 + 6), 2);
        assertEquals("nothing of it bottom right", A, luma(W - 10, H - 10), 2);
        compose(Layout.PIP_BOTTOM_LEFT, A, B);
        assertEquals(B, luma(W / 8 + 6, H - H / 8 - 6), 2);
        assertEquals(A, luma(W - 10, 10), 2);
    }

    @Test
    public void sideBySideAndQuad() throws Exception {
        compose(Layout.SIDE_BY_SIDE, A, B);
        assertEquals(A, luma(W / 4, H / 2), 2);
        assertEquals(B, luma(3 * W / 4, H / 2), 2);
        compose(Layout.QUAD, A, B, C, D);
        assertEquals(A, luma(W / 4, H / 4), 2);
        assertEquals(B, luma(3 * W / 4, H / 4), 2);
        assertEquals(C, luma(W / 4, 3 * H / 4), 2);
        assertEquals(D, luma(3 * W / 4, 3 * H / 4), 2);
    }

    @Test
    public void fullScreenIsTheMainPicture() throws Exception {
        compose(Layout.FULL, C);
        assertEquals(C, luma(5, 5));
    }

    private void compose(Layout layout, int... lumas) throws Exception {
        List<ByteBuffer> pictures = java.util.Arrays.stream(lumas).mapToObj(ComposerTest::grey).toList();
        boolean done = false;
        // a graph may hold the first picture back until it has the next
        for (int i = 0; i < 3 && !done; i++) done = composer.compose(layout, pictures, out);
        assertTrue(layout + " gives a picture", done);
    }

    private static ByteBuffer grey(int luma) {
        ByteBuffer b = ByteBuffer.allocateDirect(VideoFrame.bytes(W, H));
        for (int i = 0; i < W * H; i++) b.put((byte) luma);
        while (b.hasRemaining()) b.put((byte) 128);
        return b.flip();
    }

    private int luma(int x, int y) {
        return out.get(y * W + x) & 0xFF;
    }
}
