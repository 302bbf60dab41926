package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.protocol.Json;
import dev.userpool.testing.MotoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailSendingAccountType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolMfaType;
import software.amazon.awssdk.services.ses.SesClient;

/**
 * MFA codes over the wire: a local server whose SES and SNS endpoints are moto's; the SMS_MFA code
 * is published by SNS to the phone and the EMAIL_OTP code sent by SES from the pool's identity,
 * both read back from moto and used to finish the sign-in.
 */
class MfaDeliveryIT {
  private static final String ACCOUNT = "123456789012";
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static LocalServer server;
  private static CognitoIdentityProviderClient cognito;
  private static SesClient ses;

  @BeforeAll
  static void start() throws Exception {
    String moto = MotoServer.endpoint().toString();
    server =
        LocalServer.start(
            ItStore.chosen(
                LocalOptions.inMemoryOnFreePort().withMessageEndpoints(moto, moto),
                MfaDeliveryIT.class));
    cognito = LocalServerExtension.clientFor(server.endpoint(), Region.US_EAST_1);
    ses =
        SesClient.builder()
            .endpointOverride(MotoServer.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  @AfterAll
  static void stop() {
    cognito.close();
    ses.close();
    server.close();
  }

  private static String pool(String sender) {
    String poolId =
        SignInFixtures.pool(
            cognito,
            b ->
                b.emailConfiguration(
                        e ->
                            e.emailSendingAccount(EmailSendingAccountType.DEVELOPER)
                                .from(sender)
                                .sourceArn(
                                    "arn:aws:ses:us-east-1:" + ACCOUNT + ":identity/" + sender))
                    .smsConfiguration(
                        s ->
                            s.snsCallerArn("arn:aws:iam::" + ACCOUNT + ":role/sms")
                                .snsRegion("us-east-1")));
    cognito.setUserPoolMfaConfig(
        b ->
            b.userPoolId(poolId)
                .mfaConfiguration(UserPoolMfaType.OPTIONAL)
                .smsMfaConfiguration(
                    s ->
                        s.smsAuthenticationMessage("Your sign-in code is {####}")
                            .smsConfiguration(
                                c ->
                                    c.snsCallerArn("arn:aws:iam::" + ACCOUNT + ":role/sms")
                                        .snsRegion("us-east-1")))
                .emailMfaConfiguration(
                    e -> e.subject("Sign-in code " + RUN).message("Sign in with {####}")));
    return poolId;
  }

  private static AttributeType attr(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }

  private static InitiateAuthResponse signIn(String clientId, String username) {
    return SignInFixtures.passwordSignIn(cognito, clientId, username, PASSWORD);
  }

  @Test
  void whenSmsMfaIsPreferredThenSnsPublishesTheCodeThatSignsIn() throws Exception {
    String poolId = pool("sms-mfa-" + RUN + "@example.com");
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    String phone =
        "+1555"
            + String.format(
                Locale.ROOT, "%07d", Math.abs(UUID.randomUUID().hashCode()) % 10_000_000);
    SignInFixtures.confirmedUser(cognito, poolId, "sam", attr("phone_number", phone));
    cognito.adminSetUserMFAPreference(
        b ->
            b.userPoolId(poolId)
                .username("sam")
                .smsMfaSettings(s -> s.enabled(true).preferredMfa(true)));

    InitiateAuthResponse challenge = signIn(clientId, "sam");

    assertEquals(ChallengeNameType.SMS_MFA, challenge.challengeName());
    Matcher code =
        Pattern.compile("Your sign-in code is ([0-9]{6})")
            .matcher(smsTo(phone).get("message").asText());
    assertTrue(code.matches());
    assertNotNull(
        cognito
            .respondToAuthChallenge(
                b ->
                    b.clientId(clientId)
                        .challengeName(ChallengeNameType.SMS_MFA)
                        .session(challenge.session())
                        .challengeResponses(
                            Map.of("USERNAME", "sam", "SMS_MFA_CODE", code.group(1))))
            .authenticationResult()
            .accessToken());
  }

  @Test
  void whenEmailOtpIsPreferredThenSesSendsTheCodeThatSignsIn() throws Exception {
    String sender = "email-mfa-" + RUN + "@example.com";
    ses.verifyEmailIdentity(b -> b.emailAddress(sender));
    String poolId = pool(sender);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    String to = "eve-" + RUN + "@example.org";
    SignInFixtures.confirmedUser(cognito, poolId, "eve", attr("email", to));
    cognito.adminSetUserMFAPreference(
        b ->
            b.userPoolId(poolId)
                .username("eve")
                .emailMfaSettings(s -> s.enabled(true).preferredMfa(true)));

    InitiateAuthResponse challenge = signIn(clientId, "eve");

    assertEquals(ChallengeNameType.EMAIL_OTP, challenge.challengeName());
    JsonNode sent = sesMessageTo(to);
    assertEquals(sender, sent.get("source").asText());
    assertEquals("Sign-in code " + RUN, sent.get("subject").asText());
    Matcher code = Pattern.compile("Sign in with ([0-9]{6})").matcher(sent.get("body").asText());
    assertTrue(code.matches(), sent.get("body").asText());
    assertNotNull(
        cognito
            .respondToAuthChallenge(
                b ->
                    b.clientId(clientId)
                        .challengeName(ChallengeNameType.EMAIL_OTP)
                        .session(challenge.session())
                        .challengeResponses(
                            Map.of("USERNAME", "eve", "EMAIL_OTP_CODE", code.group(1))))
            .authenticationResult()
            .accessToken());
  }

  private static JsonNode sesMessageTo(String address) throws Exception {
    for (JsonNode m : models("ses", "Message")) {
      if (m.path("destinations").path("ToAddresses").toString().contains(address)) {
        return m;
      }
    }
    throw new AssertionError("moto has no SES message to " + address);
  }

  private static JsonNode smsTo(String phone) throws Exception {
    for (JsonNode m : models("sns", "SMS")) {
      if (phone.equals(m.path("phone_number").asText())) {
        return m;
      }
    }
    throw new AssertionError("moto has no SMS to " + phone);
  }

  private static List<JsonNode> models(String service, String model) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(MotoServer.endpoint() + "/moto-api/data.json"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    List<JsonNode> out = new ArrayList<>();
    Json.read(response.body()).path(service).path(model).forEach(out::add);
    return out;
  }
}
