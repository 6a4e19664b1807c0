package org.yike.web.internal;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;
import org.yike.api.access.Role;

public class PermissionsTest {

    private static List<String> path(String p) {
        return List.of(p.substring(1).split("/"));
    }

    @Test
    public void aStarIsOnePartAndTwoStarsOneOrMore() {
        assertTrue(Permissions.admits(Role.VIEWER, "GET", path("/api/live/101")));
        assertFalse("* is one part", Permissions.admits(Role.VIEWER, "GET", path("/api/live/101/more")));
        assertTrue(Permissions.admits(Role.VIEWER, "GET", path("/live/101/live")));
        assertTrue(Permissions.admits(Role.VIEWER, "GET", path("/api/lessons/x/files/program.mp4")));
        assertTrue(Permissions.admits(Role.VIEWER, "GET", path("/api/lessons")));
        assertFalse("** is at least one part", Permissions.rule("GET", path("/live")).isPresent());
    }

    @Test
    public void headIsAGetAndAnotherMethodIsNot() {
        assertTrue(Permissions.admits(Role.JUDGE, "HEAD", path("/api/lessons/x/poster.jpg")));
        assertFalse(Permissions.admits(Role.JUDGE, "PATCH", path("/api/lessons/x")));
        assertTrue(Permissions.admits(Role.TEACHER, "PATCH", path("/api/lessons/x")));
        assertTrue("a teacher's lesson rows are their own lessons'", Permissions.rule("PATCH", path("/api/lessons/x")).get().ownLesson());
    }

    @Test
    public void aCallNoRowNamesIsTheAdministratorsAlone() {
        for (Role r : Role.values()) {
            assertTrue(r + " on an unlisted call", Permissions.admits(r, "POST", path("/api/somewhere/new")) == r.isAdmin());
        }
        assertFalse("the repository is the district's", Permissions.admits(Role.SCHOOL_ADMIN, "POST", path("/api/repository/bundles")));
        assertTrue(Permissions.admits(Role.SCHOOL_ADMIN, "GET", path("/api/repository/bundles")));
    }
}
