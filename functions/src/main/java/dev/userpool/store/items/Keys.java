package dev.userpool.store.items;

import dev.userpool.domain.UniqueKey;

/**
 * The key design of the single table (see docs/architecture.md):
 *
 * <pre>
 * pk                 sk                              what
 * POOLS              POOL#&lt;poolId&gt;                   a user pool (pool ids start with the region)
 * POOL#&lt;poolId&gt;      CLIENT#&lt;clientId&gt;               an app client
 * CLIENT#&lt;clientId&gt;  CLIENT                          pointer from a client id to its pool
 * POOL#&lt;poolId&gt;      USER#&lt;sub&gt;                      a user
 * POOL#&lt;poolId&gt;      KEY#&lt;KIND&gt;#&lt;value&gt;              a unique key (username, alias) claimed by a user's sub
 * POOL#&lt;poolId&gt;      SIGNKEY#&lt;inverted generation&gt;   a token signing key (newest first; see ItemSigningKeyStore)
 * POOL#&lt;poolId&gt;      AUTHSESSION#&lt;sha256 of Session&gt;  a challenge session (expires: TTL)
 * POOL#&lt;poolId&gt;      REFRESH#&lt;sha256 of token&gt;       a refresh token (expires: TTL)
 * DEPLOYMENT         KEY#&lt;name&gt;                      a deployment-wide secret key (e.g. the SECRET_BLOCK key)
 * </pre>
 *
 * <p>Signing keys sit in the pool's partition so that deleting the pool deletes them. The generation is stored as
 * {@code Long.MAX_VALUE - generation}, zero-padded to 19 digits, so ascending sort-key order is newest first.
 */
final class Keys {
  static final String POOLS = "POOLS";
  static final String CLIENT_POINTER_SK = "CLIENT";
  static final String SIGNING_KEY_PREFIX = "SIGNKEY#";
  static final String DEPLOYMENT = "DEPLOYMENT";

  private Keys() {}

  static String poolSk(String poolId) {
    return "POOL#" + poolId;
  }

  static String poolPk(String poolId) {
    return "POOL#" + poolId;
  }

  static String clientSk(String clientId) {
    return "CLIENT#" + clientId;
  }

  static String clientPointerPk(String clientId) {
    return "CLIENT#" + clientId;
  }

  static String userSk(String sub) {
    return "USER#" + sub;
  }

  static String uniqueKeySk(UniqueKey key) {
    return "KEY#" + key.kind().name() + "#" + key.value();
  }

  static String signingKeySk(long generation) {
    return SIGNING_KEY_PREFIX + String.format(java.util.Locale.ROOT, "%019d", Long.MAX_VALUE - generation);
  }

  static String challengeSessionSk(String id) {
    return "AUTHSESSION#" + id;
  }

  static String refreshTokenSk(String tokenHash) {
    return "REFRESH#" + tokenHash;
  }

  static String deploymentKeySk(String name) {
    return "KEY#" + name;
  }
}
