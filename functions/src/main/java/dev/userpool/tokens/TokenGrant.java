package dev.userpool.tokens;

import dev.userpool.crypto.Identifiers;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

/**
 * Everything the ID and access tokens of one issuance say, except each token's own {@code jti} and
 * lifetime. {@code authTime} and {@code originJti} belong to the original sign-in and carry over on
 * refresh (sources §6.3); {@code groups} are in the order they appear in {@code cognito:groups}
 * (precedence order is the caller's job); {@code roles}/{@code preferredRole} go only into the ID
 * token and only when non-empty.
 */
public record TokenGrant(
    UserPool pool,
    AppClient client,
    User user,
    String issuer,
    Instant authTime,
    Instant issuedAt,
    String originJti,
    String eventId,
    List<String> groups,
    List<String> roles,
    String preferredRole,
    List<String> scopes,
    String deviceKey) {

  /** The scope of every API-issued access token (sources §6.4). */
  public static final String ADMIN_SCOPE = "aws.cognito.signin.user.admin";

  public TokenGrant {
    groups = groups == null ? List.of() : List.copyOf(groups);
    roles = roles == null ? List.of() : List.copyOf(roles);
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  /** A fresh sign-in at {@code now}: new origin_jti and event_id, no groups, the admin scope. */
  public static TokenGrant signIn(
      UserPool pool, AppClient client, User user, String issuer, Instant now, SecureRandom random) {
    return new TokenGrant(
        pool,
        client,
        user,
        issuer,
        now,
        now,
        Identifiers.sub(random),
        Identifiers.sub(random),
        List.of(),
        List.of(),
        null,
        List.of(ADMIN_SCOPE),
        null);
  }

  /**
   * The same sign-in refreshed at {@code now}: auth_time and origin_jti kept, a new event_id
   * (guessed).
   */
  public TokenGrant refreshed(User current, Instant now, SecureRandom random) {
    return new TokenGrant(
        pool,
        client,
        current,
        issuer,
        authTime,
        now,
        originJti,
        Identifiers.sub(random),
        groups,
        roles,
        preferredRole,
        scopes,
        deviceKey);
  }

  public TokenGrant withGroups(List<String> newGroups) {
    return new TokenGrant(
        pool,
        client,
        user,
        issuer,
        authTime,
        issuedAt,
        originJti,
        eventId,
        newGroups,
        roles,
        preferredRole,
        scopes,
        deviceKey);
  }

  public TokenGrant withRoles(List<String> newRoles, String newPreferredRole) {
    return new TokenGrant(
        pool,
        client,
        user,
        issuer,
        authTime,
        issuedAt,
        originJti,
        eventId,
        groups,
        newRoles,
        newPreferredRole,
        scopes,
        deviceKey);
  }

  public TokenGrant withScopes(List<String> newScopes) {
    return new TokenGrant(
        pool,
        client,
        user,
        issuer,
        authTime,
        issuedAt,
        originJti,
        eventId,
        groups,
        roles,
        preferredRole,
        newScopes,
        deviceKey);
  }

  public TokenGrant withDeviceKey(String newDeviceKey) {
    return new TokenGrant(
        pool,
        client,
        user,
        issuer,
        authTime,
        issuedAt,
        originJti,
        eventId,
        groups,
        roles,
        preferredRole,
        scopes,
        newDeviceKey);
  }
}
