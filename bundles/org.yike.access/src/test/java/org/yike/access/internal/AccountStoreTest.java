package org.yike.access.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;
import org.junit.rules.TemporaryFolder;
import org.yike.catalog.fixture.MigratedDatabase;
import org.yike.catalog.fixture.MigratedDatabase.Engine;
import org.yike.api.access.AccessRefused;
import org.yike.api.access.Role;
import org.yike.api.access.Scope;
import org.yike.api.access.Session;
import org.yike.api.access.User;

/** The users in a real database (Derby and PostgreSQL) migrated by the catalog's own scripts. */
@RunWith(Parameterized.class)
public class AccountStoreTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();
    @Rule
    public final MigratedDatabase database;
    private final Engine engine;

    @Parameters(name = "{0}")
    public static Engine[] engines() {
        return Engine.values();
    }

    public AccountStoreTest(Engine engine) {
        this.engine = engine;
        database = new MigratedDatabase(engine);
    }

    private final MovableClock clock = new MovableClock();
    private AccountStore accounts;
    private String adminToken;

    @Before
    public void open() throws Exception {
        accounts = new AccountStore(database.dataSource(), tmp.getRoot().toPath().resolve("admin.token"), clock, Duration.ofMinutes(30), 5,
                Duration.ofMinutes(15));
        adminToken = Files.readString(tmp.getRoot().toPath().resolve("admin.token")).strip();
    }

    @After
    public void close() {
        accounts.close();
    }

    @Test
    public void theFirstStartMakesAnAdministratorWhosePasswordIsTheAdminToken() throws Exception {
        User admin = accounts.user("admin").orElseThrow();
        assertEquals(Role.DISTRICT_ADMIN, admin.role());
        Session s = accounts.login("admin", adminToken, "127.0.0.1");
        assertEquals("admin", s.user().name());
        assertEquals(AccountStore.TOKEN_USER, accounts.userOfToken(adminToken).orElseThrow());

        // a second start keeps the users as they are
        accounts.setPassword(admin, "admin", "a-new-password");
        accounts.close();
        accounts = new AccountStore(database.dataSource(), tmp.getRoot().toPath().resolve("admin.token"), clock, Duration.ofMinutes(30), 5,
                Duration.ofMinutes(15));
        assertThrows(AccessRefused.class, () -> accounts.login("admin", adminToken, "127.0.0.1"));
        assertEquals("admin", accounts.login("admin", "a-new-password", "127.0.0.1").user().name());
    }

    @Test
    public void passwordsAreKeptOnlyAsBcryptHashes() throws Exception {
        User admin = accounts.user("admin").orElseThrow();
        accounts.add(admin, new User("wang", "王芳", Role.TEACHER, new Scope("实验中学")), "wang-secret-1");
        try (Connection c = database.dataSource().getConnection(); ResultSet r = c.createStatement().executeQuery(
                "SELECT password_hash FROM yike_user WHERE name = 'wang'")) {
            r.next();
            assertTrue(r.getString(1), r.getString(1).startsWith("$2b$11$"));
            assertFalse(r.getString(1).contains("wang-secret-1"));
        }
        if (engine != Engine.DERBY) return; // PostgreSQL's files are its server's
        // nor anywhere in the database's files
        try (Stream<Path> files = Files.walk(database.files())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(f.toString(), bytes.contains("wang-secret-1"));
            }
        }
    }

    @Test
    public void repeatedFailuresLockTheUserOutForAWhile() {
        User admin = accounts.user("admin").orElseThrow();
        accounts.add(admin, new User("li", "李明", Role.VIEWER, new Scope("实验中学")), "li-secret-12");
        for (int i = 0; i < 5; i++) {
            AccessRefused wrong = assertThrows(AccessRefused.class, () -> accounts.login("li", "guess", "10.0.0." + 1));
            // the fifth failure locks; the ones before only count
            assertEquals(AccessRefused.Kind.UNAUTHENTICATED, wrong.kind());
        }
        assertTrue(accounts.locked("li"));
        AccessRefused locked = assertThrows(AccessRefused.class, () -> accounts.login("li", "li-secret-12", "10.0.0.2"));
        assertEquals(AccessRefused.Kind.LOCKED, locked.kind());
        assertEquals(Duration.ofMinutes(15), locked.retryAfter());
        clock.move(Duration.ofMinutes(16));
        assertFalse(accounts.locked("li"));
        assertEquals("li", accounts.login("li", "li-secret-12", "10.0.0.2").user().name());
    }

    @Test
    public void oneAddressGuessingManyNamesIsLockedOutToo() {
        for (int i = 0; i < 5 * AccountStore.ADDRESS_FACTOR; i++) {
            String name = "nobody" + i;
            assertEquals(AccessRefused.Kind.UNAUTHENTICATED,
                    assertThrows(AccessRefused.class, () -> accounts.login(name, "guess", "10.0.0.9")).kind());
        }
        assertEquals(AccessRefused.Kind.LOCKED,
                assertThrows(AccessRefused.class, () -> accounts.login("admin", adminToken, "10.0.0.9")).kind());
        assertEquals("admin", accounts.login("admin", adminToken, "10.0.0.10").user().name());
    }

    @Test
    public void aSessionLastsWhileUsedAndEndsAtLogoutOrANewPassword() {
        Session s = accounts.login("admin", adminToken, "127.0.0.1");
        assertNotEquals(s.id(), s.csrfToken());
        clock.move(Duration.ofMinutes(20));
        assertTrue(accounts.session(s.id()).isPresent());
        clock.move(Duration.ofMinutes(20)); // 40 minutes after login, 20 after its last use
        assertTrue(accounts.session(s.id()).isPresent());
        clock.move(Duration.ofMinutes(31));
        assertTrue(accounts.session(s.id()).isEmpty());

        Session again = accounts.login("admin", adminToken, "127.0.0.1");
        accounts.logout(again.id());
        assertTrue(accounts.session(again.id()).isEmpty());

        Session third = accounts.login("admin", adminToken, "127.0.0.1");
        accounts.setPassword(third.user(), "admin", "another-password");
        assertTrue(accounts.session(third.id()).isEmpty());
        assertTrue(accounts.session("made-up").isEmpty());
    }

    @Test
    public void tokensNameTheirUserUntilRevoked() {
        String token = accounts.issueToken("admin", "nightly export");
        assertEquals("admin", accounts.userOfToken(token).orElseThrow().name());
        var listed = accounts.tokens("admin");
        assertEquals(1, listed.size());
        assertEquals("nightly export", listed.get(0).label());
        accounts.revokeToken("admin", listed.get(0).id());
        assertTrue(accounts.userOfToken(token).isEmpty());
        assertTrue(accounts.userOfToken("yk_made-up").isEmpty());
    }

    @Test
    public void adminsManageOnlyWithinTheirScopeAndRank() {
        User district = accounts.user("admin").orElseThrow();
        User school = accounts.add(district, new User("zhao", "赵校长", Role.SCHOOL_ADMIN, new Scope("实验中学")), "zhao-secret-1");
        User teacher = accounts.add(school, new User("wang", "王芳", Role.TEACHER, new Scope("实验中学")), "wang-secret-1");
        assertEquals(AccessRefused.Kind.FORBIDDEN, assertThrows(AccessRefused.class, () -> accounts.add(school,
                new User("boss", "", Role.DISTRICT_ADMIN, new Scope("实验中学")), "boss-secret-1")).kind());
        assertEquals(AccessRefused.Kind.FORBIDDEN, assertThrows(AccessRefused.class, () -> accounts.add(school,
                new User("other", "", Role.TEACHER, new Scope("第二中学")), "other-secret")).kind());
        assertEquals(AccessRefused.Kind.FORBIDDEN, assertThrows(AccessRefused.class, () -> accounts.add(teacher,
                new User("pupil", "", Role.VIEWER, new Scope("实验中学")), "pupil-secret")).kind());
        assertEquals(AccessRefused.Kind.FORBIDDEN, assertThrows(AccessRefused.class,
                () -> accounts.change(school, "wang", null, Role.DISTRICT_ADMIN, null)).kind());
        assertEquals(AccessRefused.Kind.INVALID, assertThrows(AccessRefused.class, () -> accounts.add(school,
                new User("short", "", Role.VIEWER, new Scope("实验中学")), "short")).kind());
        assertEquals(AccessRefused.Kind.CONFLICT, assertThrows(AccessRefused.class, () -> accounts.add(school,
                new User("wang", "", Role.VIEWER, new Scope("实验中学")), "wang-secret-2")).kind());
        assertEquals(Role.INSPECTOR, accounts.change(school, "wang", null, Role.INSPECTOR, null).role());
        accounts.remove(school, "wang");
        assertTrue(accounts.user("wang").isEmpty());
    }

    @Test
    public void regionScopesCoverTheirRegionsByCodePrefix() {
        assertTrue(new Scope("440300").covers(null, "440305"));
        assertTrue(new Scope("440000").covers(null, "440305"));
        assertFalse(new Scope("440300").covers(null, "440402"));
        assertTrue(new Scope("000000").covers("实验中学", null));
        assertTrue(new Scope("实验中学").covers("实验中学", "440305"));
        assertFalse(new Scope("实验中学").covers("第二中学", "440305"));
    }

    @Test
    public void theAuditKeepsWhoDidWhat() {
        accounts.audit(new org.yike.api.access.AuditEntry(clock.instant(), "admin", "127.0.0.1", "POST /api/devices", "cam1", "201"));
        var last = accounts.audit(10);
        assertEquals(1, last.size());
        assertEquals("admin", last.get(0).user());
        assertEquals("POST /api/devices", last.get(0).action());
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-09-01T08:00:00Z");

        void move(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
