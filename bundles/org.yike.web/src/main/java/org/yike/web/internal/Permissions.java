package org.yike.web.internal;

import static org.yike.api.access.Role.DISTRICT_ADMIN;
import static org.yike.api.access.Role.INSPECTOR;
import static org.yike.api.access.Role.JUDGE;
import static org.yike.api.access.Role.REVIEWER;
import static org.yike.api.access.Role.SCHOOL_ADMIN;
import static org.yike.api.access.Role.TEACHER;
import static org.yike.api.access.Role.VIEWER;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.yike.api.access.Role;

/**
 * Which roles may make which call: the permission table of docs/access.md, first matching row first. In a
 * path {@code *} stands for one part and {@code **} for one or more. A call no row names is the
 * admins' alone. Rows marked {@link #ownLesson} let a teacher reach only the lessons they teach.
 */
final class Permissions {

    /** One row: a method (GET covers HEAD), a path pattern, the roles it admits. */
    record Rule(String method, String pattern, Set<Role> roles, boolean ownLesson) {

        boolean matches(String method, List<String> path) {
            if (!this.method.equals(method.equals("HEAD") ? "GET" : method)) return false;
            String[] parts = pattern.substring(1).split("/");
            for (int i = 0; i < parts.length; i++) {
                if (parts[i].equals("**")) return path.size() > i;
                if (i >= path.size() || !(parts[i].equals("*") || parts[i].equals(path.get(i)))) return false;
            }
            return path.size() == parts.length;
        }
    }

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> PATROL = EnumSet.of(DISTRICT_ADMIN, SCHOOL_ADMIN, INSPECTOR);
    private static final Set<Role> TIMETABLE = EnumSet.of(DISTRICT_ADMIN, SCHOOL_ADMIN, TEACHER, INSPECTOR);
    /** Who evaluates lessons (评课): the admins, the inspectors and the judges. */
    private static final Set<Role> EVALUATORS = EnumSet.of(DISTRICT_ADMIN, SCHOOL_ADMIN, INSPECTOR, JUDGE);
    private static final Set<Role> LESSON_EDITORS = EnumSet.of(DISTRICT_ADMIN, SCHOOL_ADMIN, TEACHER);

    static final List<Rule> TABLE = List.of(
            rule("GET", "/api/status", ALL),
            rule("GET", "/api/users/me", ALL),
            rule("POST", "/api/users/me/password", ALL),
            rule("GET", "/api/users/me/tokens", ALL),
            rule("POST", "/api/users/me/tokens", ALL),
            rule("DELETE", "/api/users/me/tokens/*", ALL),
            rule("GET", "/api/lessons", ALL),
            new Rule("GET", "/api/lessons/**", ALL, true),
            new Rule("PATCH", "/api/lessons/*", LESSON_EDITORS, true),
            new Rule("POST", "/api/lessons/*/review-request", LESSON_EDITORS, true),
            new Rule("POST", "/api/lessons/*/views", ALL, true),
            rule("POST", "/api/lessons/*/review", EnumSet.of(DISTRICT_ADMIN, SCHOOL_ADMIN, REVIEWER)),
            rule("GET", "/api/live", ALL),
            rule("GET", "/api/live/*", ALL),
            rule("GET", "/live/**", ALL),
            rule("GET", "/api/timetable", TIMETABLE),
            rule("GET", "/api/schedule", TIMETABLE),
            rule("GET", "/api/dashboard", PATROL),
            rule("GET", "/api/rubrics", EVALUATORS),
            rule("GET", "/api/rubrics/*/*", EVALUATORS),
            rule("GET", "/api/analysis/teachers", EVALUATORS),
            rule("GET", "/api/evaluations", EVALUATORS),
            rule("GET", "/api/evaluations/*", EVALUATORS),
            rule("POST", "/api/evaluations", EVALUATORS),
            rule("PUT", "/api/evaluations/*/scores/*", EVALUATORS),
            rule("POST", "/api/evaluations/*/notes", EVALUATORS),
            rule("POST", "/api/evaluations/*/submit", EVALUATORS),
            rule("GET", "/api/contests", EnumSet.of(DISTRICT_ADMIN, SCHOOL_ADMIN, JUDGE)),
            rule("GET", "/api/contests/mine", EnumSet.of(DISTRICT_ADMIN, SCHOOL_ADMIN, TEACHER)),
            rule("GET", "/api/contests/*", EnumSet.of(DISTRICT_ADMIN, SCHOOL_ADMIN, JUDGE)),
            rule("GET", "/api/contests/*/assigned", EnumSet.of(JUDGE)),
            rule("PUT", "/api/contests/*/entries/*/score", EnumSet.of(JUDGE)),
            rule("GET", "/api/contests/*/comments/*", EnumSet.of(DISTRICT_ADMIN, SCHOOL_ADMIN, TEACHER)),
            rule("GET", "/api/recordings", PATROL),
            rule("GET", "/api/recordings/**", PATROL),
            rule("POST", "/api/repository/**", EnumSet.of(DISTRICT_ADMIN)),
            rule("DELETE", "/api/repository/**", EnumSet.of(DISTRICT_ADMIN)));

    private Permissions() {
    }

    private static Rule rule(String method, String pattern, Set<Role> roles) {
        return new Rule(method, pattern, roles, false);
    }

    /** The row that governs this call, if any (then only the admins may make it). */
    static Optional<Rule> rule(String method, List<String> path) {
        return TABLE.stream().filter(r -> r.matches(method, path)).findFirst();
    }

    /** Whether the role may make the call. */
    static boolean admits(Role role, String method, List<String> path) {
        return rule(method, path).map(r -> r.roles().contains(role)).orElse(role.isAdmin());
    }
}
