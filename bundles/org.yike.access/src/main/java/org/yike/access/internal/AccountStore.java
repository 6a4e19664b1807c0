package org.yike.access.internal;

import static org.yike.api.access.AccessRefused.Kind.CONFLICT;
import static org.yike.api.access.AccessRefused.Kind.FORBIDDEN;
import static org.yike.api.access.AccessRefused.Kind.INVALID;
import static org.yike.api.access.AccessRefused.Kind.LOCKED;
import static org.yike.api.access.AccessRefused.Kind.NOT_FOUND;
import static org.yike.api.access.AccessRefused.Kind.UNAUTHENTICATED;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yike.api.access.AccessRefused;
import org.yike.api.access.Accounts;
import org.yike.api.access.ApiToken;
import org.yike.api.access.AuditEntry;
import org.yike.api.access.Role;
import org.yike.api.access.Scope;
import org.yike.api.access.Session;
import org.yike.api.access.User;
import org.yike.settings.FrameworkSettings;

/**
 * The users in the catalog's database. The first start, finding none, makes the first administrator
 * {@code admin} (a district's admin of the whole country), whose first password is the admin token.
 * The admin token itself is a caller too, {@link #TOKEN_USER}, for scripts.
 */
@Component(service = Accounts.class, configurationPid = "org.yike.access")
@Designate(ocd = AccessConfig.class)
public class AccountStore implements Accounts {

    private static final Logger LOG = LoggerFactory.getLogger(AccountStore.class);

    /** Who the admin token's holder is: not in the database, so no one can delete or demote it. */
    public static final User TOKEN_USER = new User("admin.token", "管理员令牌", Role.DISTRICT_ADMIN, new Scope("000000"));
    static final String FIRST_ADMIN = "admin";
    private static final int LONGEST_PASSWORD_BYTES = 72; // what bcrypt reads
    /** How many times a user's failed logins one address may make, across names, before it is locked out. */
    static final int ADDRESS_FACTOR = 4;
    private static final String USER_COLUMNS = "name, display_name, role, scope";

    private final Connection db;
    private final AdminToken adminToken;
    private final Clock clock;
    private final Duration sessionTime;
    private final int maxFailed;
    private final Duration lockTime;
    /** Failed logins from each address, for a guesser trying many names: count and when the first counted. */
    private final Map<String, Failures> failuresFrom = new ConcurrentHashMap<>();
    /** Compared with when a name is unknown, so that takes as long as a wrong password. */
    private final String decoyHash = Secrets.hashPassword(Secrets.random(16));

    private record Failures(int count, Instant since) {
    }

    @Activate
    public AccountStore(BundleContext context, AccessConfig config,
            @Reference(target = "(yike.database=catalog)") DataSource database) throws SQLException, IOException {
        this(database, FrameworkSettings.of(context).dataFolder().resolve("admin.token"), Clock.systemUTC(),
                Duration.ofMinutes(config.sessionMinutes()), config.maxFailedLogins(), Duration.ofMinutes(config.lockMinutes()));
    }

    AccountStore(DataSource database, Path adminTokenFile, Clock clock, Duration sessionTime, int maxFailed, Duration lockTime)
            throws SQLException, IOException {
        this.adminToken = new AdminToken(adminTokenFile);
        this.clock = clock;
        this.sessionTime = sessionTime;
        this.maxFailed = maxFailed;
        this.lockTime = lockTime;
        this.db = database.getConnection();
        if (users().isEmpty()) {
            insert(new User(FIRST_ADMIN, "管理员", Role.DISTRICT_ADMIN, new Scope("000000")), adminToken.text());
            LOG.warn("Made the first administrator '{}': its password is the admin token in {}; change it after the first login",
                    FIRST_ADMIN, adminTokenFile);
        }
    }

    @Deactivate
    synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }

    @Override
    public synchronized List<User> users() {
        try (PreparedStatement s = db.prepareStatement("SELECT " + USER_COLUMNS + " FROM yike_user ORDER BY name");
                ResultSet r = s.executeQuery()) {
            List<User> users = new ArrayList<>();
            while (r.next()) users.add(user(r));
            return users;
        } catch (SQLException e) {
            throw failed("read the users", e);
        }
    }

    @Override
    public synchronized Optional<User> user(String name) {
        try (PreparedStatement s = db.prepareStatement("SELECT " + USER_COLUMNS + " FROM yike_user WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(user(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("read user " + name, e);
        }
    }

    @Override
    public synchronized boolean locked(String name) {
        try (PreparedStatement s = db.prepareStatement("SELECT locked_until FROM yike_user WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                return r.next() && lockedUntil(r.getLong(1), r.wasNull()) != null;
            }
        } catch (SQLException e) {
            throw failed("read user " + name, e);
        }
    }

    @Override
    public synchronized User add(User by, User user, String password) {
        mayManage(by, user);
        checkPassword(password);
        if (user(user.name()).isPresent()) throw new AccessRefused(CONFLICT, "a user named '" + user.name() + "' exists already");
        insert(user, password);
        return user;
    }

    @Override
    public synchronized User change(User by, String name, String displayName, Role role, Scope scope) {
        User old = existing(name);
        mayManage(by, old);
        User changed = new User(name, displayName == null ? old.displayName() : displayName, role == null ? old.role() : role,
                scope == null ? old.scope() : scope);
        mayManage(by, changed);
        if (by.name().equals(name) && changed.role() != old.role()) {
            throw new AccessRefused(FORBIDDEN, "no one changes their own role; ask another administrator");
        }
        update("UPDATE yike_user SET display_name = ?, role = ?, scope = ? WHERE name = ?",
                changed.displayName(), changed.role().wireName(), changed.scope().value(), name);
        return changed;
    }

    @Override
    public synchronized void setPassword(User by, String name, String password) {
        User user = existing(name);
        if (!by.name().equals(name)) mayManage(by, user);
        checkPassword(password);
        update("UPDATE yike_user SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE name = ?",
                Secrets.hashPassword(password), name);
        update("DELETE FROM user_session WHERE user_name = ?", name);
    }

    @Override
    public synchronized void remove(User by, String name) {
        User user = existing(name);
        mayManage(by, user);
        if (by.name().equals(name)) throw new AccessRefused(FORBIDDEN, "no one removes themselves; ask another administrator");
        update("DELETE FROM yike_user WHERE name = ?", name);
    }

    @Override
    public Session login(String name, String password, String address) {
        Instant now = clock.instant();
        Failures from = failuresFrom.get(address);
        // an address stands for many people (a school behind one NAT): it gets more tries than one user
        if (from != null && from.count() >= maxFailed * ADDRESS_FACTOR && from.since().plus(lockTime).isAfter(now)) {
            throw locked(Duration.between(now, from.since().plus(lockTime)), "from this address");
        }
        String hash;
        Instant lockedUntil;
        synchronized (this) {
            try (PreparedStatement s = db.prepareStatement("SELECT password_hash, locked_until FROM yike_user WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    hash = r.next() ? r.getString(1) : null;
                    lockedUntil = hash == null ? null : lockedUntil(r.getLong(2), r.wasNull());
                }
            } catch (SQLException e) {
                throw failed("read user " + name, e);
            }
        }
        if (lockedUntil != null) throw locked(Duration.between(now, lockedUntil), "for this user");
        // bcrypt outside the lock: 0.1 s each, and logins of other users need not queue behind it
        boolean right = Secrets.passwordMatches(hash == null ? decoyHash : hash, password == null ? "" : password);
        if (!right || hash == null) {
            failedLogin(name, hash != null, address, now);
            throw new AccessRefused(UNAUTHENTICATED, "用户名或密码不正确 (wrong name or password)");
        }
        failuresFrom.remove(address);
        synchronized (this) {
            update("UPDATE yike_user SET failed_logins = 0, locked_until = NULL WHERE name = ?", name);
            update("DELETE FROM user_session WHERE expires < ?", now.toEpochMilli());
            String id = Secrets.random(32);
            String csrf = Secrets.random(24);
            Instant expires = now.plus(sessionTime);
            update("INSERT INTO user_session (id_hash, user_name, csrf_token, created, expires) VALUES (?, ?, ?, ?, ?)",
                    Secrets.sha256(id), name, csrf, now.toEpochMilli(), expires.toEpochMilli());
            return new Session(id, csrf, existing(name), expires);
        }
    }

    private synchronized void failedLogin(String name, boolean known, String address, Instant now) {
        failuresFrom.merge(address, new Failures(1, now), (old, one) -> old.since().plus(lockTime).isBefore(now)
                ? one : new Failures(old.count() + 1, old.since()));
        if (!known) return;
        update("UPDATE yike_user SET failed_logins = failed_logins + 1 WHERE name = ?", name);
        try (PreparedStatement s = db.prepareStatement("SELECT failed_logins FROM yike_user WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                if (r.next() && r.getInt(1) >= maxFailed) {
                    update("UPDATE yike_user SET locked_until = ?, failed_logins = 0 WHERE name = ?",
                            now.plus(lockTime).toEpochMilli(), name);
                    LOG.warn("User '{}' locked out for {} minutes after {} failed logins, the last from {}", name,
                            lockTime.toMinutes(), maxFailed, address);
                }
            }
        } catch (SQLException e) {
            throw failed("count a failed login of " + name, e);
        }
    }

    private static AccessRefused locked(Duration left, String why) {
        long seconds = Math.max(1, left.toSeconds());
        return new AccessRefused(LOCKED, "登录失败次数过多，请 " + ((seconds + 59) / 60) + " 分钟后再试 (too many failed logins "
                + why + ": try again in " + seconds + " s)", Duration.ofSeconds(seconds));
    }

    @Override
    public synchronized Optional<Session> session(String id) {
        if (id == null || id.isEmpty()) return Optional.empty();
        Instant now = clock.instant();
        String hash = Secrets.sha256(id);
        try (PreparedStatement s = db.prepareStatement("SELECT s.csrf_token, s.expires, u.name, u.display_name, u.role, u.scope"
                + " FROM user_session s JOIN yike_user u ON u.name = s.user_name WHERE s.id_hash = ?")) {
            s.setString(1, hash);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next() || r.getLong(2) < now.toEpochMilli()) return Optional.empty();
                String csrf = r.getString(1);
                User user = new User(r.getString(3), r.getString(4), Role.ofWireName(r.getString(5)), new Scope(r.getString(6)));
                Instant expires = Instant.ofEpochMilli(r.getLong(2));
                // moved on at most once a minute: a page's every call need not write
                if (expires.isBefore(now.plus(sessionTime).minusSeconds(60))) {
                    expires = now.plus(sessionTime);
                    update("UPDATE user_session SET expires = ? WHERE id_hash = ?", expires.toEpochMilli(), hash);
                }
                return Optional.of(new Session(id, csrf, user, expires));
            }
        } catch (SQLException e) {
            throw failed("read a session", e);
        }
    }

    @Override
    public synchronized void logout(String sessionId) {
        update("DELETE FROM user_session WHERE id_hash = ?", Secrets.sha256(sessionId));
    }

    @Override
    public synchronized String issueToken(String user, String label) {
        existing(user);
        if (label == null || label.isBlank() || label.length() > 128) {
            throw new AccessRefused(INVALID, "a token needs a label of 1 to 128 characters, saying what uses it");
        }
        String token = "yk_" + Secrets.random(32);
        String id = Secrets.random(6);
        update("INSERT INTO api_token (id, token_hash, user_name, label, created) VALUES (?, ?, ?, ?, ?)",
                id, Secrets.sha256(token), user, label.strip(), clock.millis());
        return token;
    }

    @Override
    public synchronized List<ApiToken> tokens(String user) {
        try (PreparedStatement s = db.prepareStatement("SELECT id, label, created, last_used FROM api_token WHERE user_name = ?"
                + " ORDER BY created")) {
            s.setString(1, user);
            try (ResultSet r = s.executeQuery()) {
                List<ApiToken> tokens = new ArrayList<>();
                while (r.next()) {
                    long used = r.getLong(4);
                    tokens.add(new ApiToken(r.getString(1), r.getString(2), Instant.ofEpochMilli(r.getLong(3)),
                            r.wasNull() ? null : Instant.ofEpochMilli(used)));
                }
                return tokens;
            }
        } catch (SQLException e) {
            throw failed("read the tokens of " + user, e);
        }
    }

    @Override
    public synchronized void revokeToken(String user, String tokenId) {
        if (update("DELETE FROM api_token WHERE user_name = ? AND id = ?", user, tokenId) == 0) {
            throw new AccessRefused(NOT_FOUND, user + " has no token " + tokenId);
        }
    }

    @Override
    public synchronized Optional<User> userOfToken(String token) {
        if (token == null || token.isEmpty()) return Optional.empty();
        if (adminToken.matches(token)) return Optional.of(TOKEN_USER);
        String hash = Secrets.sha256(token);
        try (PreparedStatement s = db.prepareStatement("SELECT user_name FROM api_token WHERE token_hash = ?")) {
            s.setString(1, hash);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) return Optional.empty();
                String name = r.getString(1);
                update("UPDATE api_token SET last_used = ? WHERE token_hash = ?", clock.millis(), hash);
                return user(name);
            }
        } catch (SQLException e) {
            throw failed("read a token", e);
        }
    }

    @Override
    public synchronized void audit(AuditEntry e) {
        update("INSERT INTO audit_entry (made_at, user_name, address, action, subject, result) VALUES (?, ?, ?, ?, ?, ?)",
                e.at().toEpochMilli(), cut(e.user(), 64), cut(e.address(), 64), cut(e.action(), 200), cut(e.subject(), 1000),
                cut(e.result(), 200));
    }

    @Override
    public synchronized List<AuditEntry> audit(int count) {
        try (PreparedStatement s = db.prepareStatement("SELECT made_at, user_name, address, action, subject, result FROM audit_entry"
                + " ORDER BY id DESC FETCH FIRST " + Math.max(1, Math.min(count, 10_000)) + " ROWS ONLY");
                ResultSet r = s.executeQuery()) {
            List<AuditEntry> entries = new ArrayList<>();
            while (r.next()) {
                entries.add(new AuditEntry(Instant.ofEpochMilli(r.getLong(1)), r.getString(2), r.getString(3), r.getString(4),
                        r.getString(5), r.getString(6)));
            }
            return entries;
        } catch (SQLException e) {
            throw failed("read the audit", e);
        }
    }

    /**
     * Whether {@code by} may manage {@code user}: a district's admin anyone in their region, a school's
     * admin anyone of their school but a district's admin; no one else anyone.
     */
    private static void mayManage(User by, User user) {
        boolean may = switch (by.role()) {
            case DISTRICT_ADMIN -> within(by.scope(), user.scope());
            case SCHOOL_ADMIN -> user.role() != Role.DISTRICT_ADMIN && by.scope().equals(user.scope());
            default -> false;
        };
        if (!may) {
            throw new AccessRefused(FORBIDDEN, by.name() + " (" + by.role().wireName() + " of " + by.scope() + ") may not manage "
                    + user.role().wireName() + " " + user.name() + " of " + user.scope());
        }
    }

    /** Whether scope {@code inner} lies within {@code outer}: a region or school inside a region, or the same. */
    private static boolean within(Scope outer, Scope inner) {
        if (outer.equals(inner)) return true;
        if (!outer.isRegion()) return false;
        // a school's region is not known here: a region's admin manages the schools' users on their runtime
        return !inner.isRegion() || outer.covers(null, inner.value());
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < SHORTEST_PASSWORD) {
            throw new AccessRefused(INVALID, "密码至少 " + SHORTEST_PASSWORD + " 个字符 (a password has at least "
                    + SHORTEST_PASSWORD + " characters)");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > LONGEST_PASSWORD_BYTES) {
            throw new AccessRefused(INVALID, "a password has at most " + LONGEST_PASSWORD_BYTES + " bytes in UTF-8");
        }
    }

    private User existing(String name) {
        return user(name).orElseThrow(() -> new AccessRefused(NOT_FOUND, "no user '" + name + "'"));
    }

    private void insert(User user, String password) {
        update("INSERT INTO yike_user (name, display_name, role, scope, password_hash, created) VALUES (?, ?, ?, ?, ?, ?)",
                user.name(), user.displayName(), user.role().wireName(), user.scope().value(), Secrets.hashPassword(password),
                clock.millis());
    }

    private Instant lockedUntil(long until, boolean none) {
        return none || until <= clock.millis() ? null : Instant.ofEpochMilli(until);
    }

    private static User user(ResultSet r) throws SQLException {
        return new User(r.getString(1), r.getString(2), Role.ofWireName(r.getString(3)), new Scope(r.getString(4)));
    }

    private int update(String sql, Object... values) {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) s.setNull(i + 1, Types.VARCHAR);
                else s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql.substring(0, sql.indexOf(' ')).toLowerCase() + " users' rows", e);
        }
    }

    private static String cut(String s, int length) {
        return s == null || s.length() <= length ? s : s.substring(0, length);
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
    }
}
