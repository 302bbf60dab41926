package dev.userpool.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AliasAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.DeliveryMediumType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType;

/**
 * {@code GET /_local/messages}: found by the name the caller used, bounded to the most recent
 * messages with the total reported; and a message that cannot be sent for want of a destination is
 * logged as such.
 */
class OutboxIT {
  @RegisterExtension
  static final LocalServerExtension server =
      new LocalServerExtension(LocalOptions.inMemoryOnFreePort().withOutboxSize(3));

  private final CognitoIdentityProviderClient cognito = server.client();

  @Test
  void whenUsernamesAreEmailsThenTheEmailFindsTheSignUpCode() throws Exception {
    String poolId =
        SignInFixtures.pool(
            cognito,
            b ->
                b.usernameAttributes(UsernameAttributeType.EMAIL)
                    .autoVerifiedAttributes(VerifiedAttributeType.EMAIL));
    String clientId = SignInFixtures.client(cognito, poolId).clientId();
    String sub =
        cognito
            .signUp(
                b ->
                    b.clientId(clientId)
                        .username("Ana@Example.com")
                        .password(SignInFixtures.PASSWORD))
            .userSub();

    List<JsonNode> byEmail = server.messages(poolId, "Ana@Example.com");
    assertEquals(1, byEmail.size());
    assertEquals(
        sub, byEmail.get(0).get("username").asText(), "filed under the internal username, the sub");
    assertEquals(byEmail, server.messages(poolId, sub));
    assertEquals(byEmail, server.messages(null, "Ana@Example.com"), "without the pool too");

    String code = byEmail.get(0).get("code").asText();
    cognito.confirmSignUp(
        b -> b.clientId(clientId).username("Ana@Example.com").confirmationCode(code));
    assertEquals(
        UserStatusType.CONFIRMED,
        cognito.adminGetUser(b -> b.userPoolId(poolId).username("Ana@Example.com")).userStatus());
  }

  @Test
  void whenPreferredUsernameIsAnAliasThenItFindsTheUsersMessages() throws Exception {
    String poolId =
        SignInFixtures.pool(
            cognito,
            b ->
                b.aliasAttributes(AliasAttributeType.PREFERRED_USERNAME, AliasAttributeType.EMAIL));
    cognito.adminCreateUser(
        b ->
            b.userPoolId(poolId)
                .username("u-7781")
                .userAttributes(attr("preferred_username", "ana"), attr("email", "ana@example.com"))
                .desiredDeliveryMediums(DeliveryMediumType.EMAIL));

    List<JsonNode> byAlias = server.messages(poolId, "ana");
    assertEquals(1, byAlias.size());
    assertEquals("u-7781", byAlias.get(0).get("username").asText());
    assertEquals(byAlias, server.messages(poolId, "ana@example.com"), "the destination finds it");
    assertEquals(byAlias, server.messages(poolId, "u-7781"));
    assertEquals(List.of(), server.messages(poolId, "someone-else"));
  }

  @Test
  void whenMoreMessagesThanTheOutboxKeepsThenTheNewestAreKeptAndTheTotalCountsAll()
      throws Exception {
    String poolId = SignInFixtures.pool(cognito);
    for (int i = 1; i <= 5; i++) {
      String name = "user" + i;
      cognito.adminCreateUser(
          b ->
              b.userPoolId(poolId)
                  .username(name)
                  .userAttributes(attr("email", name + "@example.com"))
                  .desiredDeliveryMediums(DeliveryMediumType.EMAIL));
    }

    JsonNode answer = get("");
    assertEquals(5, answer.get("total").asInt());
    assertEquals(3, answer.get("kept").asInt());
    assertEquals(3, answer.get("capacity").asInt());
    List<String> kept = new ArrayList<>();
    answer.get("messages").forEach(m -> kept.add(m.get("username").asText()));
    assertEquals(List.of("user3", "user4", "user5"), kept);
    assertEquals(List.of(), server.messages(poolId, "user1"), "the oldest was dropped");
  }

  @Test
  void whenTheInvitationHasNoDestinationThenTheAnswerIsUnchangedAndALogLineSaysWhy()
      throws Exception {
    String poolId = SignInFixtures.pool(cognito);
    List<String> warnings = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            warnings.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger delivery = Logger.getLogger("dev.userpool.delivery.Delivery");
    delivery.addHandler(capture);
    try {
      var user =
          cognito
              .adminCreateUser(
                  b ->
                      b.userPoolId(poolId)
                          .username("nophone")
                          .userAttributes(attr("email", "nophone@example.com")))
              .user();
      assertEquals(UserStatusType.FORCE_CHANGE_PASSWORD, user.userStatus());
    } finally {
      delivery.removeHandler(capture);
    }

    assertEquals(List.of(), server.messages(poolId, null), "nothing was sent");
    assertEquals(1, warnings.size(), warnings.toString());
    String line = warnings.get(0);
    assertTrue(
        line.startsWith(
            "not sent: CustomMessage_AdminCreateUser SMS message of pool "
                + poolId
                + " to user nophone: the user has no phone_number"),
        line);
    assertTrue(
        line.contains("with EMAIL in DesiredDeliveryMediums it goes to the user's email"), line);
  }

  private static AttributeType attr(String name, String value) {
    return AttributeType.builder().name(name).value(value).build();
  }

  private static JsonNode get(String query) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            server.endpoint()
                                + "/_local/messages"
                                + (query.isEmpty() ? "" : "?" + query)))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    return Json.read(response.body());
  }
}
