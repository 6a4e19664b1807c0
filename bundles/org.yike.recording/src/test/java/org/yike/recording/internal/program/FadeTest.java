package org.yike.recording.internal.program;

import static org.junit.Assert.assertEquals;

import java.nio.ByteBuffer;

import org.junit.Test;

public class FadeTest {

    private static ByteBuffer filled(int value) {
        ByteBuffer b = ByteBuffer.allocateDirect(24);
        for (int i = 0; i < 24; i++) b.put(i, (byte) value);
        return b;
    }

    @Test
    public void dissolvesFromTheLastPictureToTheNewShotOverItsFrames() {
        Fade fade = new Fade(4, 4, 4);
        ByteBuffer program = filled(0);
        fade.from(program);
        fade.step(program);
        assertEquals("nothing changes before the new shot has a picture", 0, program.get(0));
        fade.target().put(0, (byte) 200);
        for (int i = 1; i < 24; i++) fade.target().put(i, (byte) 200);
        int[] seen = new int[4];
        for (int i = 0; i < 4; i++) {
            fade.step(program);
            seen[i] = program.get(0) & 0xFF;
        }
        assertEquals(50, seen[0]);
        assertEquals(100, seen[1]);
        assertEquals(150, seen[2]);
        assertEquals("ends on the new shot", 200, seen[3]);
        assertEquals(false, fade.running());
    }

    @Test
    public void blendsBothWays() {
        ByteBuffer out = filled(0);
        Fade.blend(filled(200), filled(100), 0.5, out);
        assertEquals(150, out.get(3) & 0xFF);
    }
}
