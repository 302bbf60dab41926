package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailSendingAccountType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.GetUserPoolMfaConfigResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidParameterException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.SetUserPoolMfaConfigResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;

class UserPoolMfaConfigIT {
  @RegisterExtension static final LocalServerExtension server = new LocalServerExtension();

  private final CognitoIdentityProviderClient cognito = server.client();

  private String pool() {
    return cognito.createUserPool(r -> r.poolName("mfa")).userPool().id();
  }

  @Test
  void whenNewPoolThenMfaIsOffWithNoFactors() {
    String id = pool();
    GetUserPoolMfaConfigResponse mfa = cognito.getUserPoolMfaConfig(r -> r.userPoolId(id));

    assertEquals(UserPoolMfaType.OFF, mfa.mfaConfiguration());
    assertNull(mfa.smsMfaConfiguration());
    assertNull(mfa.softwareTokenMfaConfiguration());
    assertNull(mfa.emailMfaConfiguration());
  }

  /** Email MFA needs the pool to send through its own SES identity. */
  private String developerEmailPool() {
    return cognito
        .createUserPool(
            r ->
                r.poolName("mfa")
                    .emailConfiguration(
                        e ->
                            e.emailSendingAccount(EmailSendingAccountType.DEVELOPER)
                                .from("no-reply@example.com")
                                .sourceArn(
                                    "arn:aws:ses:us-east-1:123456789012:identity/no-reply@example.com")))
        .userPool()
        .id();
  }

  @Test
  void whenEmailMfaOnPoolSendingWithCognitoDefaultThenInvalidParameterAndNothingChanges() {
    String id = pool();
    Expect.error(
        InvalidParameterException.class,
        "Email MFA requires",
        () ->
            cognito.setUserPoolMfaConfig(
                r ->
                    r.userPoolId(id)
                        .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                        .emailMfaConfiguration(
                            e -> e.subject("Sign-in code").message("Code {####}"))));
    assertEquals(
        UserPoolMfaType.OFF,
        cognito.getUserPoolMfaConfig(r -> r.userPoolId(id)).mfaConfiguration());
  }

  @Test
  void whenSoftwareTokenAndSmsSetOptionalThenGetAndDescribeReflectIt() {
    String id = developerEmailPool();
    SetUserPoolMfaConfigResponse set =
        cognito.setUserPoolMfaConfig(
            r ->
                r.userPoolId(id)
                    .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                    .softwareTokenMfaConfiguration(s -> s.enabled(true))
                    .smsMfaConfiguration(
                        s ->
                            s.smsAuthenticationMessage("Code {####}")
                                .smsConfiguration(
                                    c ->
                                        c.snsCallerArn("arn:aws:iam::123456789012:role/sns")
                                            .externalId("x")))
                    .emailMfaConfiguration(e -> e.subject("Sign-in code").message("Code {####}")));

    GetUserPoolMfaConfigResponse got = cognito.getUserPoolMfaConfig(r -> r.userPoolId(id));
    assertEquals(UserPoolMfaType.OPTIONAL, set.mfaConfiguration());
    assertEquals(set.mfaConfiguration(), got.mfaConfiguration());
    assertEquals(set.smsMfaConfiguration(), got.smsMfaConfiguration());
    assertTrue(got.softwareTokenMfaConfiguration().enabled());
    assertEquals("Code {####}", got.smsMfaConfiguration().smsAuthenticationMessage());
    assertEquals("Sign-in code", got.emailMfaConfiguration().subject());
    var described = cognito.describeUserPool(r -> r.userPoolId(id)).userPool();
    assertEquals(UserPoolMfaType.OPTIONAL, described.mfaConfiguration());
    assertEquals("Code {####}", described.smsAuthenticationMessage());
  }

  @Test
  void whenOnWithoutAnyFactorThenInvalidParameter() {
    String id = pool();
    Expect.error(
        InvalidParameterException.class,
        "Invalid MFA configuration given, can't disable all MFAs with a required or optional configuration.",
        () ->
            cognito.setUserPoolMfaConfig(
                r -> r.userPoolId(id).mfaConfiguration(UserPoolMfaType.ON)));
  }

  @Test
  void whenOffWithAnEnabledFactorThenInvalidParameter() {
    String id = pool();
    Expect.error(
        InvalidParameterException.class,
        "can't turn off MFA and configure an MFA together",
        () ->
            cognito.setUserPoolMfaConfig(
                r ->
                    r.userPoolId(id)
                        .mfaConfiguration(UserPoolMfaType.OFF)
                        .softwareTokenMfaConfiguration(s -> s.enabled(true))));
  }

  @Test
  void whenOffWithAFactorBlockThatEnablesNothingThenInvalidParameter() {
    String id = pool();
    Expect.error(
        InvalidParameterException.class,
        "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.",
        () ->
            cognito.setUserPoolMfaConfig(
                r ->
                    r.userPoolId(id)
                        .mfaConfiguration(UserPoolMfaType.OFF)
                        .softwareTokenMfaConfiguration(s -> s.enabled(false))));
  }

  @Test
  void whenOffWithEmailBlockThenTheOffRefusalComesBeforeTheEmailAccountCheck() {
    String id = pool();
    Expect.error(
        InvalidParameterException.class,
        "Invalid MFA configuration given, can't turn off MFA and configure an MFA together.",
        () ->
            cognito.setUserPoolMfaConfig(
                r ->
                    r.userPoolId(id)
                        .mfaConfiguration(UserPoolMfaType.OFF)
                        .emailMfaConfiguration(e -> e.subject("Code").message("{####}"))));
  }

  @Test
  void whenMfaConfigurationOmittedThenThePoolGoesOffAndFactorsAreDropped() {
    String id = pool();
    cognito.setUserPoolMfaConfig(
        r ->
            r.userPoolId(id)
                .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .softwareTokenMfaConfiguration(s -> s.enabled(true)));

    SetUserPoolMfaConfigResponse set =
        cognito.setUserPoolMfaConfig(
            r -> r.userPoolId(id).softwareTokenMfaConfiguration(s -> s.enabled(true)));

    GetUserPoolMfaConfigResponse got = cognito.getUserPoolMfaConfig(r -> r.userPoolId(id));
    assertEquals(UserPoolMfaType.OFF, set.mfaConfiguration());
    assertEquals(UserPoolMfaType.OFF, got.mfaConfiguration());
    assertNull(got.softwareTokenMfaConfiguration());
    assertEquals(
        UserPoolMfaType.OFF,
        cognito.describeUserPool(r -> r.userPoolId(id)).userPool().mfaConfiguration());
  }

  @Test
  void whenUnknownPoolThenResourceNotFound() {
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () -> cognito.getUserPoolMfaConfig(r -> r.userPoolId("us-east-1_nothere00")));
    Expect.error(
        ResourceNotFoundException.class,
        "does not exist",
        () -> cognito.setUserPoolMfaConfig(r -> r.userPoolId("us-east-1_nothere00")));
  }
}
