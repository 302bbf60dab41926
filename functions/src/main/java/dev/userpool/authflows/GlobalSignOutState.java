package dev.userpool.authflows;

import dev.userpool.domain.User;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What GlobalSignOut and AdminUserGlobalSignOut leave on a user: every token issued up to and
 * including the epoch second of the sign-out is revoked — refresh tokens (REFRESH_TOKEN_AUTH
 * refuses them) and the ID and access tokens of every sign-in (sources §6.6). The second is kept in
 * {@code User.extensions()["tokensRevokedThrough"]}.
 *
 * <p>Whole seconds because {@code iat} has no finer precision: a token issued earlier in the same
 * second as the sign-out must be revoked, so the whole second is. The sign-out operations therefore
 * answer only once that second is over, so that a sign-in after their answer is never caught by it.
 */
public final class GlobalSignOutState {
  static final String KEY = "tokensRevokedThrough";

  private GlobalSignOutState() {}

  /** The user's extensions after a global sign-out at {@code now}. */
  public static Map<String, Object> signedOut(User user, Instant now) {
    Map<String, Object> ext = new LinkedHashMap<>(user.extensions());
    ext.put(KEY, now.getEpochSecond());
    return ext;
  }

  /** Whether a token the user was issued at {@code issuedAt} was revoked by a global sign-out. */
  public static boolean revokes(User user, Instant issuedAt) {
    return user.extensions().get(KEY) instanceof Number through
        && issuedAt != null
        && issuedAt.getEpochSecond() <= through.longValue();
  }
}
