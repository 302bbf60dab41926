package dev.userpool.oauth.saml;

import dev.userpool.domain.IdentityProvider;
import dev.userpool.domain.SamlRequest;
import dev.userpool.domain.SamlSigningCertificate;
import dev.userpool.oauth.federation.ExternalIdentity;
import dev.userpool.oauth.federation.FederationState;
import dev.userpool.oauth.federation.PendingAuthorization;
import dev.userpool.operations.providers.SelfSignedCertificates;
import dev.userpool.store.IdentityProviderStore;
import dev.userpool.store.SamlRequestStore;
import dev.userpool.store.SamlSigningCertificateStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The SAML 2.0 service-provider side of a pool: {@link #start} sends the browser to the identity
 * provider with an AuthnRequest, {@link #finish} checks the Response it posts back to {@code
 * /saml2/idpresponse}. The RelayState is {@code <poolId>.<random token>}: unguessable, short enough
 * for the 80 bytes SAML bindings §3.4.3 allows, and bound server-side (by its hash) to the
 * AuthnRequest's ID and the parked {@code /oauth2/authorize} request, taken out once, so a Response
 * can be used at most once whatever it contains. Its lifetime is the parked request's ({@link
 * FederationState#LIFETIME}).
 */
public final class SamlFederation {
  public static final String CONSUMER_PATH = "/saml2/idpresponse";

  /** ProviderDetails key: accept IdP-initiated (unsolicited) Responses when "true". */
  public static final String IDP_INIT = "IDPInit";

  /** ProviderDetails key: single logout through the IdP when "true". */
  public static final String IDP_SIGNOUT = "IDPSignout";

  /** Where the IdP posts its LogoutResponse. */
  public static final String LOGOUT_PATH = "/saml2/logout";

  /** The response_type that marks a parked sign-out (its redirectUri: where the browser goes). */
  private static final String LOGOUT = "saml-logout";

  /** ProviderDetails key: require the assertion encrypted to the provider's key when "true". */
  public static final String ENCRYPTED_RESPONSES = "EncryptedResponses";

  /** What came of a posted SAML Response. */
  public sealed interface Outcome {
    /** No live request has this RelayState: nothing says where the browser should go back to. */
    record Unbound() implements Outcome {}

    /** The answer to a known request, refused for {@code reason}. */
    record Refused(PendingAuthorization pending, String reason) implements Outcome {}

    record Accepted(PendingAuthorization pending, ExternalIdentity identity, SamlSession session)
        implements Outcome {}
  }

  private final IdentityProviderStore providers;
  private final SamlRequestStore requests;
  private final FederationState sealer;
  private final MetadataSource metadata;
  private final SamlSigningCertificateStore signingCertificates;
  private final EncryptionKeys encryptionKeys;
  private final SecureRandom random;

  public SamlFederation(
      IdentityProviderStore providers,
      SamlRequestStore requests,
      FederationState sealer,
      MetadataSource metadata,
      SamlSigningCertificateStore signingCertificates,
      EncryptionKeys encryptionKeys,
      SecureRandom random) {
    this.providers = providers;
    this.requests = requests;
    this.sealer = sealer;
    this.metadata = metadata;
    this.signingCertificates = signingCertificates;
    this.encryptionKeys = encryptionKeys;
    this.random = random;
  }

  /** The audience and AuthnRequest Issuer of a pool, as Cognito names its service provider. */
  public static String entityId(String poolId) {
    return "urn:amazon:cognito:sp:" + poolId;
  }

  /**
   * Stores the pending request and answers the identity provider's SSO URL to redirect to. {@link
   * SamlException} when the provider's metadata cannot be used.
   */
  public String start(
      IdentityProvider provider, PendingAuthorization pending, String baseUrl, Instant now) {
    IdpMetadata idp = metadata.of(provider, now);
    String poolId = provider.userPoolId();
    String requestId = "_" + token(20);
    String relayState = poolId + "." + token(24);
    requests.create(
        new SamlRequest(
            poolId,
            sha256(relayState),
            requestId,
            provider.name(),
            sealer.seal(pending),
            pending.expiresAt()));
    String xml =
        AuthnRequests.xml(
            requestId, now, idp.ssoRedirectUrl(), baseUrl + CONSUMER_PATH, entityId(poolId));
    return AuthnRequests.location(idp.ssoRedirectUrl(), xml, relayState, signingKey(provider, now));
  }

  /**
   * Whether a RelayState has the shape of one {@link #start} issued ({@code <poolId>.<token>});
   * anything else may be an IdP-initiated sign-in's authorize parameters.
   */
  public static boolean issuedRelayState(String relayState) {
    return relayState != null && relayState.matches("[\\w-]+_[0-9A-Za-z]+\\.[\\w-]{32}");
  }

  /** Checks a posted Response against the request its RelayState names (used up either way). */
  public Outcome finish(String samlResponse, String relayState, String baseUrl, Instant now) {
    if (samlResponse == null || relayState == null || relayState.indexOf('.') <= 0) {
      return new Outcome.Unbound();
    }
    String poolId = relayState.substring(0, relayState.indexOf('.'));
    Optional<SamlRequest> pending = requests.consume(poolId, sha256(relayState));
    if (pending.isEmpty()) {
      return new Outcome.Unbound();
    }
    SamlRequest request = pending.get();
    Optional<PendingAuthorization> authorization = sealer.open(request.authorization(), now);
    if (authorization.isEmpty()) {
      return new Outcome.Unbound();
    }
    PendingAuthorization authorize = authorization.get();
    if (authorize.responseType().equals(LOGOUT)) {
      return new Outcome.Unbound();
    }
    Optional<IdentityProvider> provider = providers.find(poolId, request.providerName());
    if (provider.isEmpty() || !provider.get().type().equals("SAML")) {
      return new Outcome.Refused(authorize, "The identity provider was removed.");
    }
    return check(provider.get(), authorize, request.requestId(), samlResponse, baseUrl, now);
  }

  /**
   * An IdP-initiated sign-in (ProviderDetails {@code IDPInit} "true"): an unsolicited Response,
   * without InResponseTo, for the authorize request {@code authorize} that the RelayState carried.
   * A provider without IDPInit answers {@link Outcome.Unbound}, as for a RelayState we never
   * issued. Each assertion is still accepted once.
   */
  public Outcome finishUnsolicited(
      IdentityProvider provider,
      PendingAuthorization authorize,
      String samlResponse,
      String baseUrl,
      Instant now) {
    if (samlResponse == null
        || !provider.type().equals("SAML")
        || !"true".equals(provider.details().get(IDP_INIT))) {
      return new Outcome.Unbound();
    }
    return check(provider, authorize, null, samlResponse, baseUrl, now);
  }

  private Outcome check(
      IdentityProvider provider,
      PendingAuthorization authorize,
      String requestId,
      String samlResponse,
      String baseUrl,
      Instant now) {
    String poolId = provider.userPoolId();
    try {
      ResponseCheck.Accepted accepted =
          ResponseCheck.check(
              samlResponse,
              new ResponseCheck.Expected(
                  entityId(poolId),
                  baseUrl + CONSUMER_PATH,
                  requestId,
                  metadata.of(provider, now),
                  now,
                  decryptionKey(provider)));
      if (!requests.markAssertionUsed(
          poolId,
          sha256(accepted.issuer() + "\n" + accepted.assertionId()),
          accepted.keepUntil())) {
        return new Outcome.Refused(authorize, "The Assertion was already used.");
      }
      return new Outcome.Accepted(
          authorize,
          new ExternalIdentity(
              provider.name(),
              "SAML",
              accepted.subject(),
              accepted.issuer(),
              accepted.attributes()),
          accepted.session().withProvider(provider.name()));
    } catch (SamlException e) {
      return new Outcome.Refused(authorize, e.getMessage());
    }
  }

  /**
   * The provider's decryption key when it requires encrypted assertions (ProviderDetails {@code
   * EncryptedResponses} "true"), else null: then an encrypted assertion is refused.
   */
  private PrivateKey decryptionKey(IdentityProvider provider) {
    if (!"true".equals(provider.details().get(ENCRYPTED_RESPONSES))) {
      return null;
    }
    return encryptionKeys.privateKey(provider);
  }

  /**
   * Single logout (developer guide, "SAML sign-out flow"): when the provider has IDPSignout "true"
   * and its metadata a SingleLogoutService, the browser goes there with a LogoutRequest for the
   * session's NameID and SessionIndex, always signed with the pool's SAML signing key; the
   * RelayState (single use, as for sign-in) remembers {@code destination}, where the browser goes
   * once the IdP answers at {@link #LOGOUT_PATH}. Empty when the provider does not sign out.
   */
  public Optional<String> startLogout(
      String poolId, String clientId, SamlSession session, String destination, Instant now) {
    Optional<IdentityProvider> provider = providers.find(poolId, session.providerName());
    if (provider.isEmpty()
        || !provider.get().type().equals("SAML")
        || !"true".equals(provider.get().details().get(IDP_SIGNOUT))) {
      return Optional.empty();
    }
    IdpMetadata idp;
    try {
      idp = metadata.of(provider.get(), now);
    } catch (SamlException e) {
      return Optional.empty();
    }
    if (idp.sloRedirectUrl() == null) {
      return Optional.empty();
    }
    String requestId = "_" + token(20);
    String relayState = poolId + "." + token(24);
    PendingAuthorization parked =
        new PendingAuthorization(
            poolId,
            clientId,
            session.providerName(),
            LOGOUT,
            destination,
            null,
            List.of(),
            null,
            null,
            null,
            now.plus(FederationState.LIFETIME));
    requests.create(
        new SamlRequest(
            poolId,
            sha256(relayState),
            requestId,
            session.providerName(),
            sealer.seal(parked),
            parked.expiresAt()));
    String xml =
        LogoutRequests.xml(requestId, now, idp.sloRedirectUrl(), entityId(poolId), session);
    return Optional.of(
        AuthnRequests.location(idp.sloRedirectUrl(), xml, relayState, poolSigningKey(poolId, now)));
  }

  /**
   * The IdP's LogoutResponse to a {@link #startLogout} (HTTP-POST binding): where the browser goes
   * now, or empty when the RelayState names no pending sign-out or the answer is not for it.
   */
  public Optional<String> finishLogout(
      String samlResponse, String relayState, String baseUrl, Instant now) {
    if (samlResponse == null || !issuedRelayState(relayState)) {
      return Optional.empty();
    }
    String poolId = relayState.substring(0, relayState.indexOf('.'));
    Optional<SamlRequest> pending = requests.consume(poolId, sha256(relayState));
    Optional<PendingAuthorization> parked =
        pending.flatMap(r -> sealer.open(r.authorization(), now));
    if (parked.isEmpty() || !parked.get().responseType().equals(LOGOUT)) {
      return Optional.empty();
    }
    Optional<IdentityProvider> provider = providers.find(poolId, pending.get().providerName());
    try {
      if (provider.isPresent()) {
        LogoutResponses.check(
            samlResponse,
            pending.get().requestId(),
            baseUrl + LOGOUT_PATH,
            metadata.of(provider.get(), now));
      }
    } catch (SamlException e) {
      return Optional.empty();
    }
    return Optional.of(parked.get().redirectUri());
  }

  /** The pool's SAML signing key when the provider asks for signed requests, else null. */
  private PrivateKey signingKey(IdentityProvider provider, Instant now) {
    if (!"rsa-sha256".equals(provider.details().get("RequestSigningAlgorithm"))) {
      return null;
    }
    return poolSigningKey(provider.userPoolId(), now);
  }

  /** The key of the certificate GetSigningCertificate hands out. */
  private PrivateKey poolSigningKey(String poolId, Instant now) {
    SamlSigningCertificate certificate =
        signingCertificates.getOrCreate(
            poolId, () -> new SelfSignedCertificates(random).create(poolId, now));
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(
              new PKCS8EncodedKeySpec(Base64.getDecoder().decode(certificate.privateKeyPkcs8())));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the stored SAML signing key does not load", e);
    }
  }

  private String token(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String sha256(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
