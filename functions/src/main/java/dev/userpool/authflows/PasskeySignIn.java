package dev.userpool.authflows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.ChallengeSession;
import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import dev.userpool.domain.WebAuthnCredential;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Json;
import dev.userpool.store.StaleWriteException;
import dev.userpool.store.WebAuthnCredentialStore;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * USER_AUTH's WEB_AUTHN first factor (developer guide, "Passkey sign-in"): the WEB_AUTHN challenge
 * carries CREDENTIAL_REQUEST_OPTIONS (a PublicKeyCredentialRequestOptionsJSON naming the user's
 * passkeys for the pool's relying party) and is answered with CREDENTIAL, an
 * AuthenticationResponseJSON. The WebAuthn challenge travels in the Session's server-side state, so
 * it is answerable once and expires with the Session; a credential the user does not own, of
 * another relying party, with a bad signature or a counter that did not grow is refused.
 */
public final class PasskeySignIn {
  static final String WEB_AUTHN = RelyingParty.WEB_AUTHN;
  private static final int CHALLENGE_BYTES = 32;

  private final WebAuthnCredentialStore credentials;
  private final PasskeyCeremonies ceremonies;
  private final SecureRandom random;

  public PasskeySignIn(
      WebAuthnCredentialStore credentials, PasskeyCeremonies ceremonies, SecureRandom random) {
    this.credentials = credentials;
    this.ceremonies = ceremonies;
    this.random = random;
  }

  /** Whether the user can sign in with a passkey: passkeys on and one registered for this RP. */
  public boolean usable(UserPool pool, User user) {
    if (!RelyingParty.enabledFor(pool)) {
      return false;
    }
    String rpId;
    try {
      rpId = RelyingParty.of(pool).id();
    } catch (CognitoException e) {
      return false; // no relying party: nothing to sign in to
    }
    return credentials.listOf(pool.id(), user.sub()).stream()
        .anyMatch(c -> c.relyingPartyId().equals(rpId));
  }

  /** The WEB_AUTHN challenge: request options and a Session holding the WebAuthn challenge. */
  AuthResult.Challenge start(SignInContext ctx, User user, ChallengeSessions sessions) {
    RelyingParty rp = RelyingParty.of(ctx.pool());
    byte[] challenge = new byte[CHALLENGE_BYTES];
    random.nextBytes(challenge);
    String encoded = PasskeyCeremonies.base64Url(challenge);
    ObjectNode options = Json.object();
    options.put("challenge", encoded);
    options.put("timeout", ctx.settings().authSessionValidity().toMillis());
    options.put("rpId", rp.id());
    ArrayNode allow = options.putArray("allowCredentials");
    for (WebAuthnCredential c : credentials.listOf(ctx.pool().id(), user.sub())) {
      if (c.relyingPartyId().equals(rp.id())) {
        ObjectNode d = allow.addObject().put("type", "public-key").put("id", c.credentialId());
        ArrayNode transports = d.putArray("transports");
        c.transports().forEach(transports::add);
      }
    }
    boolean uvRequired = rp.userVerificationRequired() || PasskeyMfa.activeFor(ctx.pool(), user);
    options.put("userVerification", uvRequired ? "required" : "preferred");
    String session =
        sessions.open(ctx, user.sub(), UserAuthFlow.SESSION_PREFIX + WEB_AUTHN, encoded);
    return new AuthResult.Challenge(
        WEB_AUTHN, Map.of("CREDENTIAL_REQUEST_OPTIONS", Json.write(options)), session);
  }

  /**
   * Verifies CREDENTIAL against the Session's challenge and moves the credential's counter; a
   * sign-in that is MFA ({@link PasskeyMfa}) needs the authenticator's user verification whatever
   * the pool's UserVerification.
   */
  void verify(
      SignInContext ctx, User user, ChallengeSession issued, String credentialJson, boolean isMfa) {
    RelyingParty poolRp = RelyingParty.of(ctx.pool());
    RelyingParty rp = isMfa ? poolRp.requiringUserVerification() : poolRp;
    PasskeyCeremonies.Assertion assertion = ceremonies.parseAssertion(credentialJson);
    WebAuthnCredential stored =
        credentials
            .find(ctx.pool().id(), user.sub(), assertion.credentialId())
            .filter(c -> c.relyingPartyId().equals(rp.id()))
            .orElseThrow(PasskeySignIn::unknownCredential);
    byte[] userHandle = assertion.data().getUserHandle();
    if (userHandle != null
        && userHandle.length > 0
        && !java.util.Arrays.equals(userHandle, userHandle(user))) {
      throw unknownCredential();
    }
    byte[] challenge = Base64.getUrlDecoder().decode(issued.state());
    long newCount =
        ceremonies.verifyAssertion(
            assertion,
            challenge,
            rp,
            stored.attestedCredentialData(),
            stored.signCount(),
            stored.userVerified(),
            stored.backupEligible(),
            stored.backedUp());
    try {
      credentials.update(stored, stored.usedWith(newCount, PasskeyCeremonies.backedUp(assertion)));
    } catch (StaleWriteException e) {
      // another sign-in with this credential moved the counter meanwhile: this one lost
      throw ErrorCode.NOT_AUTHORIZED.exception("The passkey assertion could not be verified.");
    }
  }

  /** The WebAuthn user handle of a user: the UTF-8 bytes of the sub (user.id at registration). */
  public static byte[] userHandle(User user) {
    return user.sub().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private static CognitoException unknownCredential() {
    // wording ours
    return ErrorCode.NOT_AUTHORIZED.exception("The passkey is not registered for this user.");
  }
}
