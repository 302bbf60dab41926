package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.config.Limits;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CodeMismatchException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.LimitExceededException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

/**
 * The per-user quotas as local options ({@code --codes-per-hour N}, 0 = unlimited, and the others),
 * through the AWS SDK: Cognito's values by default, changed or lifted by the command line.
 */
class QuotasIT {
  private static final AttributeType EMAIL =
      AttributeType.builder().name("email").value("jane@example.com").build();

  @Test
  void optionsParseIntoLimitsWithCognitosDefaults() {
    assertEquals(Limits.COGNITO, LocalOptions.parse().limits());
    assertEquals(
        new Limits(0, 3, 4, 0, 6),
        LocalOptions.parse(
                "--codes-per-hour",
                "0",
                "--code-attempts",
                "3",
                "--forgot-password-attempts",
                "4",
                "--sign-in-attempts",
                "0",
                "--password-change-attempts",
                "6")
            .limits());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> LocalOptions.parse("--codes-per-hour", "-1"));
    assertTrue(e.getMessage().contains("--codes-per-hour"), e.getMessage());
  }

  @Test
  void byDefaultTheSixthCodeInAnHourIsRefused() throws Exception {
    try (Server s = new Server("--in-memory")) {
      String token = s.signedInUser();
      for (int i = 0; i < 5; i++) {
        s.cognito.getUserAttributeVerificationCode(
            b -> b.accessToken(token).attributeName("email"));
      }
      assertThrows(
          LimitExceededException.class,
          () ->
              s.cognito.getUserAttributeVerificationCode(
                  b -> b.accessToken(token).attributeName("email")));
    }
  }

  @Test
  void codesPerHourZeroLiftsTheQuota() throws Exception {
    try (Server s = new Server("--in-memory", "--codes-per-hour", "0")) {
      String token = s.signedInUser();
      for (int i = 0; i < 30; i++) {
        s.cognito.getUserAttributeVerificationCode(
            b -> b.accessToken(token).attributeName("email"));
      }
      assertEquals(30, s.local.wiring().outbox().messages(null, "jane").size());
    }
  }

  @Test
  void codesPerHourTwoRefusesTheThird() throws Exception {
    try (Server s = new Server("--in-memory", "--codes-per-hour", "2")) {
      String token = s.signedInUser();
      s.cognito.getUserAttributeVerificationCode(b -> b.accessToken(token).attributeName("email"));
      s.cognito.getUserAttributeVerificationCode(b -> b.accessToken(token).attributeName("email"));
      assertThrows(
          LimitExceededException.class,
          () ->
              s.cognito.getUserAttributeVerificationCode(
                  b -> b.accessToken(token).attributeName("email")));
    }
  }

  @Test
  void codeAttemptsAndSignInAttemptsFollowTheirOptions() throws Exception {
    try (Server s = new Server("--in-memory", "--code-attempts", "2", "--sign-in-attempts", "0")) {
      String token = s.signedInUser();
      s.cognito.getUserAttributeVerificationCode(b -> b.accessToken(token).attributeName("email"));
      for (int i = 0; i < 2; i++) {
        assertThrows(
            CodeMismatchException.class,
            () ->
                s.cognito.verifyUserAttribute(
                    b -> b.accessToken(token).attributeName("email").code("000000")));
      }
      assertThrows(
          LimitExceededException.class,
          () ->
              s.cognito.verifyUserAttribute(
                  b -> b.accessToken(token).attributeName("email").code("000000")));
      // sign-in attempts 0: twenty wrong passwords never lock the account
      for (int i = 0; i < 20; i++) {
        NotAuthorizedException wrong =
            assertThrows(
                NotAuthorizedException.class,
                () -> SignInFixtures.passwordSignIn(s.cognito, s.clientId, "jane", "Wrong-Pass1!"));
        assertEquals("Incorrect username or password.", wrong.awsErrorDetails().errorMessage());
      }
      SignInFixtures.passwordSignIn(s.cognito, s.clientId, "jane", PASSWORD);
    }
  }

  /**
   * A local server started from a command line, with a pool, a client and a signed-in user "jane".
   */
  private static final class Server implements AutoCloseable {
    final LocalServer local;
    final CognitoIdentityProviderClient cognito;
    String clientId;

    Server(String... args) throws Exception {
      String[] withPort = new String[args.length + 2];
      withPort[0] = "--port";
      withPort[1] = "0";
      System.arraycopy(args, 0, withPort, 2, args.length);
      local = LocalServer.start(ItStore.chosen(LocalOptions.parse(withPort), QuotasIT.class));
      cognito = LocalServerExtension.clientFor(local.endpoint(), Region.US_EAST_1);
    }

    String signedInUser() {
      String poolId = SignInFixtures.pool(cognito);
      clientId = SignInFixtures.client(cognito, poolId).clientId();
      SignInFixtures.confirmedUser(cognito, poolId, "jane", EMAIL);
      return SignInFixtures.passwordSignIn(cognito, clientId, "jane", PASSWORD)
          .authenticationResult()
          .accessToken();
    }

    @Override
    public void close() {
      cognito.close();
      local.close();
    }
  }
}
