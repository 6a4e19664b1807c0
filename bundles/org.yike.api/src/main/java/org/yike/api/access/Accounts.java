package org.yike.api.access;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The runtime's users, their passwords (kept only as a slow salted hash), browser sessions, personal
 * API tokens and the audit of changes. Refusals come as {@link AccessRefused}.
 */
@ProviderType
public interface Accounts {

    /** The shortest password a user may be given. */
    int SHORTEST_PASSWORD = 8;

    List<User> users();

    Optional<User> user(String name);

    /** Whether the user is locked out now after failed logins. */
    boolean locked(String name);

    /** Adds a user, as {@code by} asks: an admin, within their scope, giving no role above theirs. */
    User add(User by, User user, String password);

    /** Changes a user's display name, role and scope (null: unchanged), with the same rules as {@link #add}. */
    User change(User by, String name, String displayName, Role role, Scope scope);

    /** Sets a new password: one's own, or another's as their admin. Ends the user's sessions. */
    void setPassword(User by, String name, String password);

    void remove(User by, String name);

    /**
     * Opens a session for a name and password from that address. Wrong ones count toward the
     * lock-out, whose refusal says how long to wait; the answer takes as long for a name that does not
     * exist as for a wrong password.
     */
    Session login(String name, String password, String address);

    /** The open session of that id, its expiry moved on; empty when unknown or expired. */
    Optional<Session> session(String id);

    void logout(String sessionId);

    /** Issues a personal API token to the user: the token's text, shown only this once. */
    String issueToken(String user, String label);

    List<ApiToken> tokens(String user);

    void revokeToken(String user, String tokenId);

    /** The user of an API token, when it is one. */
    Optional<User> userOfToken(String token);

    void audit(AuditEntry entry);

    /** The newest {@code count} entries, newest first. */
    List<AuditEntry> audit(int count);
}
