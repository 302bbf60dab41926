package dev.userpool.triggers;

import static dev.userpool.triggers.TriggerFixtures.arn;
import static dev.userpool.triggers.TriggerFixtures.json;
import static dev.userpool.triggers.TriggerFixtures.pool;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.userpool.domain.UserPool;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Triggers#inboundFederation: the event of the InboundFederation trigger and how its answer is
 * read. Nothing calls it yet: federated sign-in is not on main (ADR 0021).
 */
class InboundFederationTriggerTest {
  private final RecordingInvoker invoker = new RecordingInvoker();
  private final Triggers triggers = new Triggers(invoker);
  private final UserPool pool =
      pool(
          Map.of(
              "InboundFederation", Map.of("LambdaVersion", "V1_0", "LambdaArn", arn("inbound"))));
  private final TriggerContext context =
      new TriggerContext(pool, "client1example", "Corp_abc123", Map.of(), null);

  @Test
  void eventCarriesTheProvidersAttributesGroupedAsCognitoGroupsThem() {
    invoker.answering("{\"userAttributesToMap\":{\"email\":\"ann@corp.example\"}}");

    Optional<Map<String, String>> mapped =
        triggers.inboundFederation(
            context,
            "Corp",
            "OIDC",
            Map.of(
                "idToken", Map.of("sub", "abc123", "email", "Ann@Corp.example"),
                "userInfo", Map.of("name", "Ann")));

    assertEquals(Optional.of(Map.of("email", "ann@corp.example")), mapped);
    assertEquals(arn("inbound"), invoker.last().functionArn());
    assertEquals(
        json(
            """
            {"version":"1","triggerSource":"InboundFederation_ExternalProvider",
             "region":"us-east-1","userPoolId":"us-east-1_Trigg3rs1","userName":"Corp_abc123",
             "callerContext":{"awsSdkVersion":"aws-sdk-unknown-unknown","clientId":"client1example"},
             "request":{"providerName":"Corp","providerType":"OIDC",
                        "attributes":{"idToken":{"sub":"abc123","email":"Ann@Corp.example"},
                                      "userInfo":{"name":"Ann"}}},
             "response":{"userAttributesToMap":{}}}
            """),
        json(invoker.last().eventJson()));
  }

  @Test
  void anEmptyAnswerOrNoFunctionKeepsTheProvidersAttributes() {
    invoker.answering("{\"userAttributesToMap\":{}}");
    assertTrue(
        triggers
            .inboundFederation(context, "Corp", "SAML", Map.of("samlResponse", Map.of()))
            .isEmpty());
    TriggerContext without = new TriggerContext(pool(Map.of()), null, "u", Map.of(), null);
    int calls = invoker.calls.size();
    assertTrue(triggers.inboundFederation(without, "Corp", "SAML", Map.of()).isEmpty());
    assertEquals(calls, invoker.calls.size());
  }

  @Test
  void aNonStringAttributeIsAnUnrecognizableAnswer() {
    invoker.answering("{\"userAttributesToMap\":{\"email\":{\"nested\":true}}}");
    CognitoException e =
        assertThrows(
            CognitoException.class,
            () -> triggers.inboundFederation(context, "Corp", "OIDC", Map.of()));
    assertEquals(ErrorCode.INVALID_LAMBDA_RESPONSE, e.code());
  }
}
