package org.yike.driver.gb28181.internal;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class PtzCmdTest {

    @Test
    public void stopIsTheCommandEveryGbDeviceKnows() {
        assertEquals("A50F0100000000B5", PtzCmd.stop());
        assertEquals(PtzCmd.stop(), PtzCmd.move(0, 0, 0));
    }

    @Test
    public void directionsAreBitsAndSpeedsBytes() {
        // right at full speed: 01, FF; the sum A5+0F+01+01+FF = 0x1B5
        assertEquals("A50F0101FF0000B5", PtzCmd.move(1, 0, 0));
        // left and up at half speed: 02|08, 80, 80
        assertEquals("A50F010A808000BF", PtzCmd.move(-0.5, 0.5, 0));
        // down at 0.06 (15): 04; zoom out at full speed: 20, F in the zoom nibble
        assertEquals("A50F0124000FF0D8", PtzCmd.move(0, -0.06, -1));
    }

    @Test
    public void aPresetIsItsNumber() {
        // 82 (go to), the number in the second data byte; A5+0F+01+82+03 = 0x13A
        assertEquals("A50F01820003003A", PtzCmd.gotoPreset(3));
    }

    @Test(expected = IllegalArgumentException.class)
    public void presetZeroIsNoPreset() {
        PtzCmd.gotoPreset(0);
    }
}
