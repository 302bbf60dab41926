package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFactorType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.PasswordPolicyType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolTierType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * What UpdateUserPool does with the members a request leaves out, as measured against Cognito
 * (go-to-k/cdkd#1982 and #1968, us-east-1, 2026-08): each arm carries a control showing the update
 * really ran, since a call that changed nothing would look like "kept".
 */
class UpdateUserPoolOmissionsIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  private static final PasswordPolicyType CUSTOM_PASSWORD =
      PasswordPolicyType.builder()
          .minimumLength(12)
          .requireUppercase(true)
          .requireLowercase(true)
          .requireNumbers(true)
          .requireSymbols(false)
          .temporaryPasswordValidityDays(3)
          .build();

  private String poolWithBothPolicies() {
    return cognito
        .createUserPool(
            r ->
                r.poolName("omit")
                    .userPoolTier(UserPoolTierType.ESSENTIALS)
                    .policies(
                        p ->
                            p.passwordPolicy(CUSTOM_PASSWORD)
                                .signInPolicy(
                                    s ->
                                        s.allowedFirstAuthFactors(
                                            AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP))))
        .userPool()
        .id();
  }

  private UserPoolType describe(String id) {
    return cognito.describeUserPool(r -> r.userPoolId(id)).userPool();
  }

  @Test
  void whenPoliciesOmittedThenBothPoliciesAreKeptWhileAutoVerifiedAttributesReset() {
    String id = poolWithBothPolicies();

    cognito.updateUserPool(
        r -> r.userPoolId(id).autoVerifiedAttributes(VerifiedAttributeType.EMAIL));
    UserPoolType afterFirst = describe(id);
    // control: the update ran
    assertEquals(List.of(VerifiedAttributeType.EMAIL), afterFirst.autoVerifiedAttributes());
    assertEquals(CUSTOM_PASSWORD, afterFirst.policies().passwordPolicy());
    assertEquals(
        List.of(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP),
        afterFirst.policies().signInPolicy().allowedFirstAuthFactors());

    cognito.updateUserPool(r -> r.userPoolId(id));
    UserPoolType afterSecond = describe(id);
    assertTrue(afterSecond.autoVerifiedAttributes().isEmpty(), "AutoVerifiedAttributes is reset");
    assertEquals(CUSTOM_PASSWORD, afterSecond.policies().passwordPolicy());
  }

  @Test
  void whenPoliciesCarryOnlyOneSubPolicyThenTheOtherIsKept() {
    String id = poolWithBothPolicies();

    cognito.updateUserPool(
        r ->
            r.userPoolId(id)
                .policies(p -> p.passwordPolicy(pp -> pp.minimumLength(9).requireSymbols(true))));
    UserPoolType afterPassword = describe(id);
    assertEquals(9, afterPassword.policies().passwordPolicy().minimumLength());
    assertTrue(afterPassword.policies().passwordPolicy().requireSymbols());
    assertEquals(
        List.of(AuthFactorType.PASSWORD, AuthFactorType.EMAIL_OTP),
        afterPassword.policies().signInPolicy().allowedFirstAuthFactors());

    cognito.updateUserPool(
        r ->
            r.userPoolId(id)
                .policies(
                    p -> p.signInPolicy(s -> s.allowedFirstAuthFactors(AuthFactorType.PASSWORD))));
    UserPoolType afterSignIn = describe(id);
    assertEquals(
        List.of(AuthFactorType.PASSWORD),
        afterSignIn.policies().signInPolicy().allowedFirstAuthFactors());
    assertEquals(
        afterPassword.policies().passwordPolicy(), afterSignIn.policies().passwordPolicy());
  }

  private String poolWithMfa(UserPoolMfaType mfa) {
    String id = cognito.createUserPool(r -> r.poolName("mfa")).userPool().id();
    cognito.setUserPoolMfaConfig(
        r ->
            r.userPoolId(id)
                .mfaConfiguration(mfa)
                .softwareTokenMfaConfiguration(s -> s.enabled(true)));
    return id;
  }

  @Test
  void whenMfaConfigurationOmittedThenItStaysOnAndAnExplicitOffStillApplies() {
    String id = poolWithMfa(UserPoolMfaType.ON);

    cognito.updateUserPool(
        r -> r.userPoolId(id).autoVerifiedAttributes(VerifiedAttributeType.EMAIL));
    UserPoolType kept = describe(id);
    assertEquals(List.of(VerifiedAttributeType.EMAIL), kept.autoVerifiedAttributes());
    assertEquals(UserPoolMfaType.ON, kept.mfaConfiguration());
    assertEquals(
        UserPoolMfaType.ON, cognito.getUserPoolMfaConfig(r -> r.userPoolId(id)).mfaConfiguration());

    // a pool already ON may be sent ON again
    cognito.updateUserPool(r -> r.userPoolId(id).mfaConfiguration(UserPoolMfaType.ON));
    cognito.updateUserPool(r -> r.userPoolId(id).mfaConfiguration(UserPoolMfaType.OFF));
    assertEquals(UserPoolMfaType.OFF, describe(id).mfaConfiguration());
  }

  @Test
  void whenUpdateTurnsMfaOnThenInvalidParameterAndNothingChanges() {
    String id = poolWithMfa(UserPoolMfaType.OPTIONAL);

    Expect.error(
        InvalidParameterException.class,
        "Cannot turn MFA functionality ON, once the user pool has been created.",
        () ->
            cognito.updateUserPool(
                r ->
                    r.userPoolId(id)
                        .mfaConfiguration(UserPoolMfaType.ON)
                        .autoVerifiedAttributes(VerifiedAttributeType.EMAIL)));
    UserPoolType after = describe(id);
    assertEquals(UserPoolMfaType.OPTIONAL, after.mfaConfiguration());
    assertTrue(after.autoVerifiedAttributes().isEmpty());

    String off = cognito.createUserPool(r -> r.poolName("off")).userPool().id();
    Expect.error(
        InvalidParameterException.class,
        "Cannot turn MFA functionality ON, once the user pool has been created.",
        () -> cognito.updateUserPool(r -> r.userPoolId(off).mfaConfiguration(UserPoolMfaType.ON)));
  }

  @Test
  void whenUserPoolTierOmittedThenTheTierIsKept() {
    String id =
        cognito
            .createUserPool(r -> r.poolName("plus").userPoolTier(UserPoolTierType.PLUS))
            .userPool()
            .id();

    cognito.updateUserPool(
        r -> r.userPoolId(id).autoVerifiedAttributes(VerifiedAttributeType.EMAIL));

    UserPoolType after = describe(id);
    assertEquals(List.of(VerifiedAttributeType.EMAIL), after.autoVerifiedAttributes());
    assertEquals(UserPoolTierType.PLUS, after.userPoolTier());
  }
}
