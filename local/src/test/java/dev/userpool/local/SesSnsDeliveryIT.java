package dev.userpool.local;

import static dev.userpool.local.SignInFixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.protocol.Json;
import dev.userpool.testing.MotoServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.EmailSendingAccountType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InvalidEmailRoleAccessPolicyException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;
import software.amazon.awssdk.services.ses.SesClient;

/**
 * Real delivery over the wire: a local server whose SES and SNS endpoints are moto's. What was sent
 * is read back from moto's {@code /moto-api/data.json}; a sender identity SES has not verified
 * makes delivery fail (InvalidEmailRoleAccessPolicyException), and then nothing is left half-done.
 * SMS of pools with an {@code SnsCallerArn} go out as that role, assumed in moto's STS with the
 * pool's ExternalId (moto does not enforce IAM, so the role exceptions are covered by
 * SmsRoleDeliveryTest).
 */
class SesSnsDeliveryIT {
  private static final String ACCOUNT = "123456789012";
  private static LocalServer server;
  private static CognitoIdentityProviderClient cognito;
  private static SesClient ses;
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String SES_REFUSED = "Cognito received the following error from Amazon SES";

  @BeforeAll
  static void start() throws Exception {
    String moto = MotoServer.endpoint().toString();
    server =
        LocalServer.start(
            ItStore.chosen(
                LocalOptions.inMemoryOnFreePort().withMessageEndpoints(moto, moto),
                SesSnsDeliveryIT.class));
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

  private static String developerPool(String sender, VerifiedAttributeType... autoVerified) {
    return SignInFixtures.pool(
        cognito,
        b ->
            b.autoVerifiedAttributes(autoVerified)
                .emailConfiguration(
                    e ->
                        e.emailSendingAccount(EmailSendingAccountType.DEVELOPER)
                            .from(sender)
                            .sourceArn("arn:aws:ses:us-east-1:" + ACCOUNT + ":identity/" + sender)
                            .replyToEmailAddress("help-" + RUN + "@example.com"))
                .smsConfiguration(
                    s ->
                        s.snsCallerArn("arn:aws:iam::" + ACCOUNT + ":role/sms")
                            .snsRegion("us-east-1")));
  }

  private static AttributeType attr(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }

  @Test
  void whenTheSenderIsVerifiedThenSesDeliversTheVerificationEmail() throws Exception {
    String sender = "no-reply-" + RUN + "@example.com";
    ses.verifyEmailIdentity(b -> b.emailAddress(sender));
    String poolId = developerPool(sender, VerifiedAttributeType.EMAIL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    String to = "jane-" + RUN + "@example.org";

    var response =
        cognito.signUp(
            b ->
                b.clientId(clientId)
                    .username("jane")
                    .password(PASSWORD)
                    .userAttributes(attr("email", to)));
    assertEquals("EMAIL", response.codeDeliveryDetails().deliveryMediumAsString());

    JsonNode sent = sesMessageTo(to);
    assertEquals(sender, sent.get("source").asText());
    assertEquals("Your verification code", sent.get("subject").asText());
    Matcher code =
        Pattern.compile("Your verification code is ([0-9]{6})\\. ")
            .matcher(sent.get("body").asText());
    assertTrue(code.matches(), sent.get("body").asText());

    cognito.confirmSignUp(
        b -> b.clientId(clientId).username("jane").confirmationCode(code.group(1)));
    assertEquals(
        UserStatusType.CONFIRMED,
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("jane")).userStatus());
  }

  @Test
  void whenTheCodeGoesBySmsThenSnsPublishesItToThePhone() throws Exception {
    String sender = "sms-pool-" + RUN + "@example.com";
    String poolId = developerPool(sender, VerifiedAttributeType.PHONE_NUMBER);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    String phone =
        "+1555" + String.format("%07d", Math.abs(UUID.randomUUID().hashCode()) % 10_000_000);

    var response =
        cognito.signUp(
            b ->
                b.clientId(clientId)
                    .username("pat")
                    .password(PASSWORD)
                    .userAttributes(attr("phone_number", phone)));
    assertEquals("SMS", response.codeDeliveryDetails().deliveryMediumAsString());

    JsonNode sms = smsTo(phone);
    Matcher code =
        Pattern.compile("Your verification code is ([0-9]{6})\\. ")
            .matcher(sms.get("message").asText());
    assertTrue(code.matches(), sms.get("message").asText());
    cognito.confirmSignUp(
        b -> b.clientId(clientId).username("pat").confirmationCode(code.group(1)));
    assertEquals(
        "true",
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("pat")).userAttributes().stream()
            .filter(a -> a.name().equals("phone_number_verified"))
            .findFirst()
            .orElseThrow()
            .value());
  }

  @Test
  void whenSesRefusesTheSenderThenSignUpFailsAndLeavesNoUserAndNoCode() {
    String unverified = "unverified-" + RUN + "@example.com";
    String poolId = developerPool(unverified, VerifiedAttributeType.EMAIL);
    String clientId = SignInFixtures.client(cognito, poolId).clientId();

    Expect.error(
        InvalidEmailRoleAccessPolicyException.class,
        SES_REFUSED,
        () ->
            cognito.signUp(
                b ->
                    b.clientId(clientId)
                        .username("jane")
                        .password(PASSWORD)
                        .userAttributes(attr("email", "jane-" + RUN + "@example.org"))));

    Expect.error(
        UserNotFoundException.class,
        "User does not exist.",
        () -> cognito.adminGetUser(b -> b.userPoolId(poolId).username("jane")));
    assertTrue(server.wiring().table().query("POOL#" + poolId, "CODE#", null, 10).isEmpty());
    assertTrue(server.wiring().table().query("POOL#" + poolId, "USER#", null, 10).isEmpty());
  }

  @Test
  void whenSesRefusesTheSenderThenAdminResetLeavesTheUserAsItWas() {
    String unverified = "unverified-reset-" + RUN + "@example.com";
    String poolId = developerPool(unverified);
    SignInFixtures.confirmedUser(
        cognito,
        poolId,
        "jane",
        attr("email", "jane-" + RUN + "@example.org"),
        attr("email_verified", "true"));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();

    Expect.error(
        InvalidEmailRoleAccessPolicyException.class,
        SES_REFUSED,
        () -> cognito.adminResetUserPassword(b -> b.userPoolId(poolId).username("jane")));
    Expect.error(
        InvalidEmailRoleAccessPolicyException.class,
        SES_REFUSED,
        () -> cognito.forgotPassword(b -> b.clientId(clientId).username("jane")));

    assertEquals(
        UserStatusType.CONFIRMED,
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("jane")).userStatus());
    assertTrue(server.wiring().table().query("POOL#" + poolId, "CODE#", null, 10).isEmpty());
    SignInFixtures.passwordSignIn(cognito, clientId, "jane", PASSWORD);
  }

  /**
   * A role in moto's IAM that trusts this account's principals to assume it with the external id.
   */
  private static String smsRole(String externalId) throws Exception {
    String name = "userpool-sms-" + RUN + "-" + UUID.randomUUID().toString().substring(0, 4);
    String trust =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"AWS\":\"arn:aws:iam::"
            + ACCOUNT
            + ":root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":"
            + "{\"StringEquals\":{\"sts:ExternalId\":\""
            + externalId
            + "\"}}}]}";
    String form =
        "Action=CreateRole&Version=2010-05-08&RoleName="
            + name
            + "&AssumeRolePolicyDocument="
            + URLEncoder.encode(trust, StandardCharsets.UTF_8);
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(MotoServer.endpoint() + "/"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=testing/20250101/us-east-1/iam/aws4_request,"
                            + " SignedHeaders=host, Signature=0")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    Matcher arn = Pattern.compile("<Arn>([^<]+)</Arn>").matcher(response.body());
    assertTrue(arn.find(), response.body());
    return arn.group(1);
  }

  @Test
  void whenThePoolNamesAnSmsRoleThenTheRoleIsAssumedWithTheExternalIdAndSnsPublishesTheCode()
      throws Exception {
    String externalId = "ext-" + RUN;
    String roleArn = smsRole(externalId);
    String poolId =
        SignInFixtures.pool(
            cognito,
            b ->
                b.autoVerifiedAttributes(VerifiedAttributeType.PHONE_NUMBER)
                    .smsConfiguration(
                        s ->
                            s.snsCallerArn(roleArn).externalId(externalId).snsRegion("us-east-1")));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    String phone = newPhone();

    var response =
        cognito.signUp(
            b ->
                b.clientId(clientId)
                    .username("robin")
                    .password(PASSWORD)
                    .userAttributes(attr("phone_number", phone)));
    assertEquals("SMS", response.codeDeliveryDetails().deliveryMediumAsString());

    Matcher code =
        Pattern.compile("Your verification code is ([0-9]{6})\\. ")
            .matcher(smsTo(phone).get("message").asText());
    assertTrue(code.matches());
    assertTrue(
        server.wiring().outbox().messages(poolId, null).isEmpty(),
        "nothing went to the local outbox");
    JsonNode session = assumedRole(roleArn);
    assertEquals(externalId, session.path("external_id").asText());
    assertEquals("userpool-sms", session.path("session_name").asText());
    cognito.confirmSignUp(
        b -> b.clientId(clientId).username("robin").confirmationCode(code.group(1)));
    assertEquals(
        UserStatusType.CONFIRMED,
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("robin")).userStatus());
  }

  @Test
  void adminCreateUserInvitationsGoToSesAndToSnsAsTheSmsRole() throws Exception {
    String sender = "invites-" + RUN + "@example.com";
    ses.verifyEmailIdentity(b -> b.emailAddress(sender));
    String externalId = "ext-invite-" + RUN;
    String roleArn = smsRole(externalId);
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
                    .smsConfiguration(s -> s.snsCallerArn(roleArn).externalId(externalId)));
    String to = "invitee-" + RUN + "@example.org";
    String phone = newPhone();

    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username("casey")
                .userAttributes(attr("email", to), attr("phone_number", phone))
                .desiredDeliveryMediums(DeliveryMediumType.EMAIL, DeliveryMediumType.SMS));

    Pattern invite = Pattern.compile("Your username is casey and temporary password is (\\S+)\\. ");
    JsonNode email = sesMessageTo(to);
    assertEquals("Your temporary password", email.get("subject").asText());
    Matcher emailed = invite.matcher(email.get("body").asText());
    assertTrue(emailed.matches(), email.get("body").asText());
    Matcher texted = invite.matcher(smsTo(phone).get("message").asText());
    assertTrue(texted.matches(), smsTo(phone).get("message").asText());
    assertEquals(emailed.group(1), texted.group(1));
    assertTrue(
        server.wiring().outbox().messages(poolId, null).isEmpty(),
        "nothing went to the local outbox");
    assertEquals(externalId, assumedRole(roleArn).path("external_id").asText());

    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    var challenge =
        cognito.adminInitiateAuth(
            b ->
                b.userPoolId(poolId)
                    .clientId(clientId)
                    .authFlow(AuthFlowType.ADMIN_USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", "casey", "PASSWORD", emailed.group(1))));
    assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenge.challengeName());
  }

  private static String newPhone() {
    return "+1555" + String.format("%07d", Math.abs(UUID.randomUUID().hashCode()) % 10_000_000);
  }

  /**
   * The session of the role that moto's STS handed out (its data.json lists AssumeRole sessions).
   */
  private static JsonNode assumedRole(String roleArn) throws Exception {
    for (JsonNode m : models("sts", "AssumedRole")) {
      if (roleArn.equals(m.path("role_arn").asText())) {
        return m;
      }
    }
    throw new AssertionError("moto's STS has no session of " + roleArn);
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
