package dev.userpool.oauth.federation;

import dev.userpool.authflows.AuthResult;
import dev.userpool.authflows.OAuthSignIn;
import dev.userpool.authflows.SignInContext;
import dev.userpool.crypto.Identifiers;
import dev.userpool.domain.AppClient;
import dev.userpool.domain.IdentityProvider;
import dev.userpool.domain.UniqueKey;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.UserStatus;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import dev.userpool.oauth.AuthorizationCodes;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.users.UserDirectory;
import dev.userpool.protocol.ApiResponse;
import dev.userpool.store.FederatedLinkStore;
import dev.userpool.store.IdentityProviderStore;
import dev.userpool.store.UniqueKeyTakenException;
import dev.userpool.triggers.PreSignUpResult;
import dev.userpool.triggers.TriggerContext;
import dev.userpool.triggers.TriggerSource;
import dev.userpool.triggers.Triggers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The step every federation protocol ends with: the verified {@link ExternalIdentity} becomes a
 * user of the pool and the app client gets its authorization code (or, for response_type=token, its
 * tokens), exactly as after a sign-in on the hosted page.
 *
 * <p>Which user: the one AdminLinkProviderForUser linked the identity to, else the user {@code
 * <ProviderName>_<subject>}, created on first sign-in with UserStatus EXTERNAL_PROVIDER and the
 * {@code identities} attribute, after PreSignUp (PreSignUp_ExternalProvider) and followed by
 * PostConfirmation (PostConfirmation_ConfirmSignUp), as Cognito does. The provider's
 * AttributeMapping is applied on every sign-in of a federated user, so changes at the provider
 * reach the pool.
 */
public final class FederatedSignIn {
  /** AttributeMapping's key for the provider attribute that is the user id, not an attribute. */
  private static final String USERNAME_MAPPING = "username";

  private final Lookups lookups;
  private final IdentityProviderStore providers;
  private final UserDirectory users;
  private final FederatedLinkStore links;
  private final Triggers triggers;
  private final AuthorizationCodes codes;
  private final OAuthSignIn signIn;
  private final SecureRandom random;

  public FederatedSignIn(
      Lookups lookups,
      IdentityProviderStore providers,
      UserDirectory users,
      FederatedLinkStore links,
      Triggers triggers,
      AuthorizationCodes codes,
      OAuthSignIn signIn,
      SecureRandom random) {
    this.lookups = lookups;
    this.providers = providers;
    this.users = users;
    this.links = links;
    this.triggers = triggers;
    this.codes = codes;
    this.signIn = signIn;
    this.random = random;
  }

  /**
   * Ends the federated sign-in of {@code pending}: a 302 to the client's redirect_uri with {@code
   * code} and the client's {@code state} (or tokens in the fragment), or, when the user cannot sign
   * in, with {@code error=invalid_request} and Cognito's {@code error_description}.
   */
  public ApiResponse complete(
      PendingAuthorization pending, ExternalIdentity identity, Instant now, String baseUrl) {
    UserPool pool;
    AppClient client;
    User user;
    try {
      pool = lookups.pool(pending.poolId());
      client = lookups.client(pending.poolId(), pending.clientId());
      IdentityProvider provider =
          providers
              .find(pool.id(), pending.providerName())
              .orElseThrow(
                  () -> ErrorCode.INVALID_PARAMETER.exception("Invalid identity provider."));
      user = signIn(pool, client.clientId(), provider, identity, now);
    } catch (CognitoException e) {
      return error(pending, e.getMessage());
    }
    Map<String, String> out = new LinkedHashMap<>();
    if (pending.responseType().equals("code")) {
      out.put(
          "code",
          codes.issue(
              pool.id(),
              client.clientId(),
              user.sub(),
              pending.redirectUri(),
              pending.scopes(),
              pending.nonce(),
              pending.codeChallenge(),
              now,
              now));
      putState(out, pending);
      return redirect(query(pending.redirectUri(), out));
    }
    SignInContext ctx = new SignInContext(pool, client, null, false, now, baseUrl);
    AuthResult.Authenticated tokens;
    try {
      tokens = signIn.tokens(ctx, user, pending.scopes(), pending.nonce());
    } catch (CognitoException e) {
      return error(pending, e.getMessage());
    }
    if (pending.scopes().contains("openid")) {
      out.put("id_token", tokens.idToken());
    }
    out.put("access_token", tokens.accessToken());
    out.put("token_type", "Bearer");
    out.put("expires_in", Long.toString(tokens.expiresIn()));
    putState(out, pending);
    return redirect(pending.redirectUri() + "#" + encode(out));
  }

  /**
   * The user {@code identity} signs in as, created or updated; CognitoException when it may not
   * sign in (disabled, a trigger refused, an alias another user holds).
   */
  public User signIn(
      UserPool pool,
      String clientId,
      IdentityProvider provider,
      ExternalIdentity provided,
      Instant now) {
    ExternalIdentity identity = inboundFederation(pool, clientId, provided);
    Optional<User> linked =
        links
            .find(pool.id(), identity.providerName(), identity.subject())
            .flatMap(link -> users.store().findBySub(pool.id(), link.sub()));
    if (linked.isPresent()) {
      return requireEnabled(
          users.update(pool, linked.get(), u -> withIdentity(u, identity, false, now)));
    }
    for (int attempt = 1; ; attempt++) {
      Optional<User> existing = users.find(pool, identity.username());
      if (existing.isPresent()) {
        requireEnabled(existing.get());
        return update(pool, existing.get(), provider, identity, now);
      }
      try {
        return create(pool, clientId, provider, identity, now);
      } catch (UniqueKeyTakenException e) {
        // a concurrent first sign-in created the user: sign in as it
        if (e.key().kind() != UniqueKey.Kind.USERNAME || attempt > 1) {
          throw UserDirectory.aliasTaken(e);
        }
      }
    }
  }

  /**
   * The pool's InboundFederation function, on every federated sign-in before AttributeMapping: it
   * sees what the provider sent and may answer the attributes to map instead ({@code {}}: keep
   * them). Its failure refuses the sign-in as other triggers' failures do.
   */
  private ExternalIdentity inboundFederation(
      UserPool pool, String clientId, ExternalIdentity identity) {
    return triggers
        .inboundFederation(
            new TriggerContext(pool, clientId, identity.username(), Map.of(), null),
            identity.providerName(),
            identity.providerType(),
            identity.sources())
        .map(identity::withProviderAttributes)
        .orElse(identity);
  }

  private User update(
      UserPool pool, User user, IdentityProvider provider, ExternalIdentity identity, Instant now) {
    Map<String, String> mapped = mapped(provider, identity);
    try {
      return users.update(
          pool,
          user,
          u -> {
            Map<String, String> attributes = new LinkedHashMap<>(u.attributes());
            attributes.putAll(mapped);
            return withIdentity(u.withAttributes(attributes, now), identity, true, now);
          });
    } catch (UniqueKeyTakenException e) {
      throw UserDirectory.aliasTaken(e);
    }
  }

  private User create(
      UserPool pool,
      String clientId,
      IdentityProvider provider,
      ExternalIdentity identity,
      Instant now) {
    String sub = Identifiers.sub(random);
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("sub", sub);
    attributes.putAll(mapped(provider, identity));
    attributes.put(
        IdentitiesAttribute.NAME,
        IdentitiesAttribute.with(
            null,
            identity.providerName(),
            identity.providerType(),
            identity.subject(),
            identity.issuer(),
            true,
            now));
    String username = identity.username();
    PreSignUpResult pre =
        triggers.preSignUp(
            new TriggerContext(pool, clientId, username, attributes, null),
            TriggerSource.PRE_SIGN_UP_EXTERNAL_PROVIDER,
            Map.of());
    if (pre.autoVerifyEmail() && present(attributes, "email")) {
      attributes.put("email_verified", "true");
    }
    if (pre.autoVerifyPhone() && present(attributes, "phone_number")) {
      attributes.put("phone_number_verified", "true");
    }
    User user =
        new User(
            pool.id(),
            username,
            sub,
            attributes,
            true,
            UserStatus.EXTERNAL_PROVIDER,
            now,
            now,
            null,
            Map.of(),
            0);
    user = users.store().create(user, UserDirectory.keys(pool, user));
    // as Cognito's events for federated users show: the status among the attributes
    Map<String, String> eventAttributes = new LinkedHashMap<>(user.attributes());
    eventAttributes.put("cognito:user_status", user.status().name());
    triggers.postConfirmation(
        new TriggerContext(pool, clientId, user.username(), eventAttributes, null),
        TriggerSource.POST_CONFIRMATION_CONFIRM_SIGN_UP);
    return user;
  }

  /**
   * The pool attributes the provider's AttributeMapping fills from what the provider sent; the
   * {@code username} entry names the user id, which is not an attribute.
   */
  static Map<String, String> mapped(IdentityProvider provider, ExternalIdentity identity) {
    Map<String, String> out = new LinkedHashMap<>();
    provider
        .attributeMapping()
        .forEach(
            (poolAttribute, providerAttribute) -> {
              String value = identity.providerAttributes().get(providerAttribute);
              if (!poolAttribute.equals(USERNAME_MAPPING)
                  && !poolAttribute.equals("sub")
                  && !poolAttribute.equals(IdentitiesAttribute.NAME)
                  && value != null
                  && !value.isEmpty()) {
                out.put(poolAttribute, value);
              }
            });
    return out;
  }

  private static User withIdentity(
      User user, ExternalIdentity identity, boolean primary, Instant now) {
    String current = user.attribute(IdentitiesAttribute.NAME);
    if (IdentitiesAttribute.contains(current, identity.providerName(), identity.subject())) {
      return user;
    }
    Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
    attributes.put(
        IdentitiesAttribute.NAME,
        IdentitiesAttribute.with(
            current,
            identity.providerName(),
            identity.providerType(),
            identity.subject(),
            identity.issuer(),
            primary,
            now));
    return user.withAttributes(attributes, now);
  }

  private static User requireEnabled(User user) {
    if (!user.enabled()) {
      throw ErrorCode.NOT_AUTHORIZED.exception("User is disabled.");
    }
    return user;
  }

  /**
   * Errors after the provider answered go back to the client as Cognito sends them: {@code
   * error_description}, {@code state}, then {@code error=invalid_request}.
   */
  public static ApiResponse error(PendingAuthorization pending, String description) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("error_description", description);
    putState(out, pending);
    out.put("error", "invalid_request");
    return redirect(query(pending.redirectUri(), out));
  }

  private static void putState(Map<String, String> out, PendingAuthorization pending) {
    if (pending.state() != null) {
      out.put("state", pending.state());
    }
  }

  private static boolean present(Map<String, String> attributes, String name) {
    String value = attributes.get(name);
    return value != null && !value.isEmpty();
  }

  private static String query(String uri, Map<String, String> params) {
    return uri + (uri.contains("?") ? "&" : "?") + encode(params);
  }

  static String encode(Map<String, String> params) {
    StringBuilder out = new StringBuilder();
    params.forEach(
        (k, v) ->
            out.append(out.length() == 0 ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20")));
    return out.toString();
  }

  static ApiResponse redirect(String location) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Location", location);
    headers.put("Cache-Control", "no-store");
    return new ApiResponse(302, headers, new byte[0]);
  }
}
