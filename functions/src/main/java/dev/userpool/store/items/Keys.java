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
 * POOL#&lt;poolId&gt;      REVOKED#&lt;origin_jti&gt;            a sign-in revoked by RevokeToken (expires: TTL)
 * DEPLOYMENT         KEY#&lt;name&gt;                      a deployment-wide secret key (e.g. the SECRET_BLOCK key)
 * POOL#&lt;poolId&gt;      GROUP#&lt;name&gt;                   a group
 * POOL#&lt;poolId&gt;      MEMBER#&lt;escaped name&gt;#&lt;sub&gt;    a membership, listed by group (ListUsersInGroup)
 * POOL#&lt;poolId&gt;      USERGROUP#&lt;sub&gt;#&lt;name&gt;         the same membership, listed by user
 * POOL#&lt;poolId&gt;      CODE#&lt;sub&gt;#&lt;purpose&gt;          a verification code (its keyed hash; expiresAt = TTL)
 * POOL#&lt;poolId&gt;      DEVICE#&lt;sub&gt;#&lt;deviceKey&gt;      a user's device (its SRP salt and verifier, never a secret)
 * POOL#&lt;poolId&gt;      PASSKEY#&lt;sub&gt;#&lt;credentialId&gt;  a user's passkey (public key and sign counter)
 * POOL#&lt;poolId&gt;      IDP#&lt;name&gt;                     an identity provider
 * POOL#&lt;poolId&gt;      IDPID#&lt;identifier&gt;             an IdpIdentifier claimed by the provider it names
 * POOL#&lt;poolId&gt;      SAMLCERT                        the pool's SAML signing certificate and its private key
 * POOL#&lt;poolId&gt;      UI#&lt;clientId or ALL&gt;           a UI customization (pool-wide under ALL)
 * POOL#&lt;poolId&gt;      TERMS#&lt;termsId&gt;                a terms document of an app client
 * POOL#&lt;poolId&gt;      TERMSNAME#&lt;clientId&gt;#&lt;name&gt;   a client's claim on one TermsName (points at the terms id)
 * POOL#&lt;poolId&gt;      BRANDING#&lt;brandingId&gt;          a managed login branding style
 * POOL#&lt;poolId&gt;      BRANDINGCLIENT#&lt;clientId&gt;      the style assigned to a client (points at its id)
 * POOL#&lt;poolId&gt;      IMPORTJOB#&lt;jobId&gt;             a user import job (ItemImportJobStore)
 * DOMAIN#&lt;domain&gt;   DOMAIN                          a pool domain (prefix or custom), unique in the deployment
 * POOL#&lt;poolId&gt;      RESOURCESERVER#&lt;identifier&gt;     an OAuth resource server and its scopes
 * POOL#&lt;poolId&gt;      OAUTHCODE#&lt;sha256 of code&gt;     an OAuth authorization code (expiresAt = TTL, 5 min)
 * POOL#&lt;poolId&gt;      AUTHEVENT#&lt;sub&gt;#&lt;inverted µs&gt;#&lt;eventId&gt;  a user's auth event, newest first (TTL)
 * POOL#&lt;poolId&gt;      AUTHEVENTID#&lt;sub&gt;#&lt;eventId&gt;   points at the event's AUTHEVENT key (same TTL)
 * POOL#&lt;poolId&gt;      LINK#&lt;escaped provider&gt;#&lt;subject&gt;  an external identity linked to a user (AdminLinkProviderForUser)
 * POOL#&lt;poolId&gt;      SAMLREQ#&lt;sha256 of RelayState&gt; a pending SAML AuthnRequest (expiresAt = TTL)
 * POOL#&lt;poolId&gt;      SAMLASSERTION#&lt;sha256&gt;        an accepted SAML assertion (TTL: its NotOnOrAfter)
 * </pre>
 *
 * <p>Code purposes are {@code signup}, {@code forgot-password} and {@code attribute:<name>}; subs
 * never contain {@code #}, so {@code CODE#<sub>#} is one user's prefix. Codes are hashed under the
 * deployment key {@code KEY#code-hash}. A code item carries the table's TTL attribute ({@code
 * expiresAt}: 24 h, 1 h for forgot-password) and reads treat it as gone once that time has passed.
 *
 * <p>Both membership items are written in one batch. Group names may contain {@code #} (any
 * punctuation is allowed), so in MEMBER keys the name is escaped ({@code %} → {@code %25}, {@code
 * #} → {@code %23}): otherwise the members of group {@code a} (prefix {@code MEMBER#a#}) would
 * include those of group {@code a#b}. Subs never contain {@code #}, so the USERGROUP prefix needs
 * no escaping.
 *
 * <p>Signing keys sit in the pool's partition so that deleting the pool deletes them. The
 * generation is stored as {@code Long.MAX_VALUE - generation}, zero-padded to 19 digits, so
 * ascending sort-key order is newest first.
 */
final class Keys {
  static final String POOLS = "POOLS";
  static final String CLIENT_POINTER_SK = "CLIENT";
  static final String SIGNING_KEY_PREFIX = "SIGNKEY#";
  static final String DEPLOYMENT = "DEPLOYMENT";
  static final String GROUP_PREFIX = "GROUP#";
  static final String IDENTITY_PROVIDER_PREFIX = "IDP#";
  static final String SAML_CERTIFICATE_SK = "SAMLCERT";
  static final String DOMAIN_SK = "DOMAIN";
  static final String RESOURCE_SERVER_PREFIX = "RESOURCESERVER#";

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

  static String groupSk(String name) {
    return GROUP_PREFIX + name;
  }

  /** The prefix of one group's MEMBER items. */
  static String memberPrefix(String groupName) {
    return "MEMBER#" + groupName.replace("%", "%25").replace("#", "%23") + "#";
  }

  static String memberSk(String groupName, String sub) {
    return memberPrefix(groupName) + sub;
  }

  /** The prefix of one user's USERGROUP items. */
  static String userGroupPrefix(String sub) {
    return "USERGROUP#" + sub + "#";
  }

  static String userGroupSk(String sub, String groupName) {
    return userGroupPrefix(sub) + groupName;
  }

  static String codeSk(String sub, String purpose) {
    return "CODE#" + sub + "#" + purpose;
  }

  /** The prefix of one user's DEVICE items (subs never contain {@code #}). */
  static String devicePrefix(String sub) {
    return "DEVICE#" + sub + "#";
  }

  /** The prefix of one user's PASSKEY items; credential ids are base64url, never {@code #}. */
  static String passkeyPrefix(String sub) {
    return "PASSKEY#" + sub + "#";
  }

  static String passkeySk(String sub, String credentialId) {
    return passkeyPrefix(sub) + credentialId;
  }

  static String deviceSk(String sub, String deviceKey) {
    return devicePrefix(sub) + deviceKey;
  }

  static String signingKeySk(long generation) {
    return SIGNING_KEY_PREFIX
        + String.format(java.util.Locale.ROOT, "%019d", Long.MAX_VALUE - generation);
  }

  static String challengeSessionSk(String id) {
    return "AUTHSESSION#" + id;
  }

  static String refreshTokenSk(String tokenHash) {
    return "REFRESH#" + tokenHash;
  }

  static String revokedOriginSk(String originJti) {
    return "REVOKED#" + originJti;
  }

  static final String TERMS_PREFIX = "TERMS#";

  static String termsSk(String termsId) {
    return TERMS_PREFIX + termsId;
  }

  static String termsNameSk(String clientId, String termsName) {
    return "TERMSNAME#" + clientId + "#" + termsName;
  }

  static String brandingSk(String brandingId) {
    return "BRANDING#" + brandingId;
  }

  static String brandingClientSk(String clientId) {
    return "BRANDINGCLIENT#" + clientId;
  }

  static String domainPk(String domain) {
    return "DOMAIN#" + domain;
  }

  static String resourceServerSk(String identifier) {
    return RESOURCE_SERVER_PREFIX + identifier;
  }

  static String authorizationCodeSk(String codeHash) {
    return "OAUTHCODE#" + codeHash;
  }

  /** The prefix of one user's AUTHEVENT items (subs never contain {@code #}). */
  static String authEventPrefix(String sub) {
    return "AUTHEVENT#" + sub + "#";
  }

  /**
   * Newest first: the creation time is stored as {@code Long.MAX_VALUE - microseconds}, 19 digits
   * (microseconds, so that a user's quick successive events keep their order).
   */
  static String authEventSk(String sub, java.time.Instant created, String eventId) {
    long micros = created.getEpochSecond() * 1_000_000L + created.getNano() / 1_000;
    return authEventPrefix(sub)
        + String.format(java.util.Locale.ROOT, "%019d", Long.MAX_VALUE - micros)
        + "#"
        + eventId;
  }

  static String authEventIdSk(String sub, String eventId) {
    return "AUTHEVENTID#" + sub + "#" + eventId;
  }

  static String samlRequestSk(String relayStateHash) {
    return "SAMLREQ#" + relayStateHash;
  }

  static String samlAssertionSk(String assertionHash) {
    return "SAMLASSERTION#" + assertionHash;
  }

  static String deploymentKeySk(String name) {
    return "KEY#" + name;
  }

  static String identityProviderSk(String name) {
    return IDENTITY_PROVIDER_PREFIX + name;
  }

  static String idpIdentifierSk(String identifier) {
    return "IDPID#" + identifier;
  }

  /**
   * The provider name is escaped like group names, so no provider's prefix can include another's
   * whatever characters names allow.
   */
  static String federatedLinkSk(String providerName, String subject) {
    return "LINK#" + providerName.replace("%", "%25").replace("#", "%23") + "#" + subject;
  }

  static String uiCustomizationSk(String clientIdOrAll) {
    return "UI#" + clientIdOrAll;
  }
}
