package dev.userpool.operations.self;

import dev.userpool.domain.User;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mark on the user that RevokeToken revoked one of its sign-ins: {@code
 * User.extensions()["originsRevokedUntil"]} = the latest expiry (epoch seconds) of a revoked
 * refresh token, which is also when its revocation item expires. Access-token checks read the user
 * anyway, so they look the revocation item up only when the mark may apply: one table read per
 * GetUser instead of two for users who never revoked a token.
 */
final class RevocationMark {
  static final String KEY = "originsRevokedUntil";

  private RevocationMark() {}

  /**
   * The user's extensions with the mark covering a revoked refresh token that expires at {@code
   * expiresAt}.
   */
  static Map<String, Object> marked(User user, Instant expiresAt) {
    Map<String, Object> ext = new LinkedHashMap<>(user.extensions());
    long until = expiresAt.getEpochSecond();
    if (ext.get(KEY) instanceof Number current && current.longValue() > until) {
      until = current.longValue();
    }
    ext.put(KEY, until);
    return ext;
  }

  /**
   * Whether a token issued at {@code issuedAt} may come from a revoked sign-in: only if the user
   * has the mark and the token is no younger than the last revoked refresh token's expiry (no token
   * is minted from an expired one).
   */
  static boolean mayBeRevoked(User user, Instant issuedAt) {
    return user.extensions().get(KEY) instanceof Number until
        && (issuedAt == null || issuedAt.getEpochSecond() <= until.longValue());
  }
}
