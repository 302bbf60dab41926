package dev.userpool.operations.passkeys;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.authflows.PasskeyCeremonies;
import dev.userpool.authflows.RegistrationChallenges;
import dev.userpool.authflows.RelyingParty;
import dev.userpool.domain.WebAuthnCredential;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.self.AccessTokens;
import dev.userpool.operations.self.SignedInUser;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.WebAuthnCredentialStore;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/**
 * Cognito CompleteWebAuthnRegistration: Credential is the RegistrationResponseJSON the passkey
 * provider returned for StartWebAuthnRegistration's options. Its challenge is used up first (so a
 * refused response cannot be retried with it), then the response is verified ({@link
 * PasskeyCeremonies#verifyRegistration}) and the passkey stored: id, attested public key, counter,
 * transports, attachment, a generated friendly name and the creation time.
 */
public final class CompleteWebAuthnRegistration implements Operation {
  private static final Set<String> ATTACHMENTS = Set.of("platform", "cross-platform");
  private static final DateTimeFormatter NAME_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private final AccessTokens tokens;
  private final WebAuthnCredentialStore credentials;
  private final RegistrationChallenges challenges;
  private final PasskeyCeremonies ceremonies;

  public CompleteWebAuthnRegistration(
      AccessTokens tokens,
      WebAuthnCredentialStore credentials,
      RegistrationChallenges challenges,
      PasskeyCeremonies ceremonies) {
    this.tokens = tokens;
    this.credentials = credentials;
    this.challenges = challenges;
    this.ceremonies = ceremonies;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    SignedInUser signedIn = tokens.requireValid(in.string("AccessToken"));
    String poolId = signedIn.pool().id();
    String sub = signedIn.user().sub();
    JsonNode credential = in.optNode("Credential").orElse(null);
    if (credential == null || !credential.isObject()) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "The credential is not a valid WebAuthn response."); // wording ours
    }
    RelyingParty.requireEnabled(signedIn.pool());
    RelyingParty rp = RelyingParty.of(signedIn.pool());
    PasskeyCeremonies.Registration registration =
        ceremonies.parseRegistration(Json.write(credential));
    challenges.consume(poolId, sub, signedIn.token().clientId(), registration.challenge());
    PasskeyCeremonies.Registered registered =
        ceremonies.verifyRegistration(registration, registration.challenge(), rp);
    PasskeyLimits.requireRoomFor(credentials.listOf(poolId, sub).size());
    String attachment = credential.path("authenticatorAttachment").asText(null);
    boolean stored =
        credentials.create(
            new WebAuthnCredential(
                poolId,
                sub,
                registered.credentialId(),
                registered.attestedCredentialData(),
                registered.signCount(),
                registered.userVerified(),
                registered.backupEligible(),
                registered.backedUp(),
                rp.id(),
                "Passkey " + NAME_DATE.format(ctx.now()),
                ATTACHMENTS.contains(attachment) ? attachment : null,
                registered.transports(),
                ctx.now(),
                0));
    if (!stored) {
      throw ErrorCode.INVALID_PARAMETER.exception(
          "This passkey is already registered for the user."); // wording ours
    }
    return Json.object();
  }
}
