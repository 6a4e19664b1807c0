package org.yike.web.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class ApiCallTest {

    private static ApiCall call(String method, String... parts) {
        return new ApiCall(method, List.of(parts), "admin@127.0.0.1");
    }

    @Test
    public void aPathMatchesPartForPartWithAStarForAnyOne() {
        assertTrue(call("POST", "bundles", "org.acme", "1.2.0", "stable").is("POST", "bundles", "*", "*", "stable"));
        assertFalse("another last part", call("POST", "bundles", "org.acme", "1.2.0", "pilot").is("POST", "bundles", "*", "*", "stable"));
        assertFalse("another method", call("GET", "bundles", "org.acme", "1.2.0", "stable").is("POST", "bundles", "*", "*", "stable"));
    }

    @Test
    public void aPathMatchesOnlyWithAsManyParts() {
        assertTrue(call("GET").is("GET"));
        assertFalse("longer", call("GET", "bundles").is("GET"));
        assertFalse("shorter", call("DELETE", "bundles", "org.acme").is("DELETE", "bundles", "*", "*"));
    }
}
