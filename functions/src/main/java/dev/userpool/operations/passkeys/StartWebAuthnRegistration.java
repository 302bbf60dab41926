package dev.userpool.operations.passkeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authflows.PasskeyCeremonies;
import dev.userpool.authflows.PasskeySignIn;
import dev.userpool.authflows.RegistrationChallenges;
import dev.userpool.authflows.RelyingParty;
import dev.userpool.domain.User;
import dev.userpool.domain.WebAuthnCredential;
import dev.userpool.operations.self.AccessTokens;
import dev.userpool.operations.self.SignedInUser;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.WebAuthnCredentialStore;

/**
 * Cognito StartWebAuthnRegistration: the CredentialCreationOptions (a
 * PublicKeyCredentialCreationOptionsJSON, WebAuthn L3 §5.4) the user's passkey provider needs — the
 * pool's relying party, the user (id = the sub's bytes, name = username), ES256/RS256, the user's
 * passkeys to exclude, a discoverable credential with the pool's user verification — and a fresh
 * single-use challenge ({@link RegistrationChallenges}).
 */
public final class StartWebAuthnRegistration implements Operation {
  private final AccessTokens tokens;
  private final WebAuthnCredentialStore credentials;
  private final RegistrationChallenges challenges;

  public StartWebAuthnRegistration(
      AccessTokens tokens, WebAuthnCredentialStore credentials, RegistrationChallenges challenges) {
    this.tokens = tokens;
    this.credentials = credentials;
    this.challenges = challenges;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SignedInUser signedIn = tokens.requireValid(in.string("AccessToken"));
    RelyingParty.requireEnabled(signedIn.pool());
    RelyingParty rp = RelyingParty.of(signedIn.pool());
    User user = signedIn.user();
    var existing = credentials.listOf(signedIn.pool().id(), user.sub());
    PasskeyLimits.requireRoomFor(existing.size());
    byte[] challenge =
        challenges.issue(signedIn.pool().id(), user.sub(), signedIn.token().clientId(), ctx.now());

    ObjectNode options = Json.object();
    options.put("challenge", PasskeyCeremonies.base64Url(challenge));
    options.putObject("rp").put("id", rp.id()).put("name", rp.id());
    options
        .putObject("user")
        .put("id", PasskeyCeremonies.base64Url(PasskeySignIn.userHandle(user)))
        .put("name", user.username())
        .put("displayName", user.username());
    ArrayNode params = options.putArray("pubKeyCredParams");
    PasskeyCeremonies.ALGORITHMS.forEach(
        alg -> params.addObject().put("type", "public-key").put("alg", alg));
    options.put("timeout", RegistrationChallenges.VALIDITY.toMillis());
    ArrayNode exclude = options.putArray("excludeCredentials");
    for (WebAuthnCredential c : existing) {
      ObjectNode d = exclude.addObject().put("type", "public-key").put("id", c.credentialId());
      ArrayNode transports = d.putArray("transports");
      c.transports().forEach(transports::add);
    }
    options
        .putObject("authenticatorSelection")
        .put("requireResidentKey", true)
        .put("residentKey", "required")
        .put("userVerification", rp.userVerificationRequired() ? "required" : "preferred");
    ObjectNode out = Json.object();
    out.set("CredentialCreationOptions", options);
    return out;
  }
}
