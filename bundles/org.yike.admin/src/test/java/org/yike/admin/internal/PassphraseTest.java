package org.yike.admin.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import org.junit.Test;
import org.yike.api.admin.AdminRefused;

/** Sealed secrets open only with the passphrase, in the place they were sealed for. */
public class PassphraseTest {

    private static final String PLACE = "org.yike.driver.rtsp.camera~cam301/password";

    @Test
    public void theSamePassphraseOpensWhatItSealedFromTheFilesDescription() {
        Passphrase exported = Passphrase.fresh("correct horse battery");
        String sealed = exported.seal("s3cret!", PLACE);
        assertNotEquals("never in clear", "s3cret!", sealed);
        assertNotEquals("a fresh IV each time", sealed, exported.seal("s3cret!", PLACE));
        assertEquals("s3cret!", Passphrase.of("correct horse battery", exported.description()).open(sealed, PLACE));
    }

    @Test
    public void aWrongPassphraseOrAMovedSecretIsRefused() {
        Passphrase exported = Passphrase.fresh("correct horse battery");
        String sealed = exported.seal("s3cret!", PLACE);
        refused(() -> Passphrase.of("wrong horse battery", exported.description()).open(sealed, PLACE), "does not open");
        refused(() -> exported.open(sealed, "target district/password"), "does not open");
        refused(() -> exported.open("not base64!", PLACE), "is damaged");
        refused(() -> Passphrase.fresh("short"), "at least 8 characters");
    }

    private static void refused(Runnable r, String words) {
        try {
            r.run();
            fail("not refused");
        } catch (AdminRefused e) {
            assertEquals(AdminRefused.Kind.INVALID, e.kind());
            assertTrue(e.getMessage(), e.getMessage().contains(words));
        }
    }
}
