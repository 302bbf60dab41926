package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.testing.SoftwareAuthenticator;
import java.util.Base64;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFactorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolTierType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserVerificationType;

/**
 * The set-up of the passkey ITs through the SDK client: an Essentials pool with its first factors,
 * its relying party, a USER_AUTH client, and a passkey registered by a {@link
 * SoftwareAuthenticator}.
 */
final class PasskeyFixtures {
  private PasskeyFixtures() {}

  /** A passkey registered for a user, with the WebAuthn user handle its assertions carry. */
  record Registered(SoftwareAuthenticator passkey, byte[] userHandle) {}

  /** An Essentials pool (the plan passkeys need) allowing these first sign-in factors. */
  static String pool(CognitoIdentityProviderClient cognito, AuthFactorType... firstFactors) {
    return SignInFixtures.pool(
        cognito,
        b ->
            b.userPoolTier(UserPoolTierType.ESSENTIALS)
                .policies(p -> p.signInPolicy(s -> s.allowedFirstAuthFactors(firstFactors))));
  }

  /** Sets the pool's relying party, user verification preferred, MFA left as it is. */
  static void relyingParty(CognitoIdentityProviderClient cognito, String poolId, String rpId) {
    cognito.setUserPoolMfaConfig(
        b ->
            b.userPoolId(poolId)
                .webAuthnConfiguration(
                    w -> w.relyingPartyId(rpId).userVerification(UserVerificationType.PREFERRED)));
  }

  /** A client allowing USER_AUTH, USER_PASSWORD_AUTH and refresh tokens. */
  static String userAuthClient(CognitoIdentityProviderClient cognito, String poolId) {
    return SignInFixtures.client(
            cognito,
            poolId,
            b ->
                b.explicitAuthFlows(
                    ExplicitAuthFlowsType.ALLOW_USER_AUTH,
                    ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                    ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
        .clientId();
  }

  /** A confirmed user with {@link SignInFixtures#PASSWORD}, signed in with it: their token. */
  static String signedInUser(
      CognitoIdentityProviderClient cognito, String poolId, String clientId, String username) {
    SignInFixtures.confirmedUser(cognito, poolId, username);
    return SignInFixtures.passwordSignIn(cognito, clientId, username, PASSWORD)
        .authenticationResult()
        .accessToken();
  }

  /** Registers a new software passkey for the token's user, answering for {@code origin}. */
  static Registered register(
      CognitoIdentityProviderClient cognito, String accessToken, String origin) {
    SoftwareAuthenticator passkey = new SoftwareAuthenticator();
    JsonNode options =
        WebAuthnJson.json(
            cognito
                .startWebAuthnRegistration(b -> b.accessToken(accessToken))
                .credentialCreationOptions());
    cognito.completeWebAuthnRegistration(
        b ->
            b.accessToken(accessToken)
                .credential(WebAuthnJson.document(passkey.register(options, origin))));
    return new Registered(
        passkey, Base64.getUrlDecoder().decode(options.path("user").path("id").asText()));
  }
}
