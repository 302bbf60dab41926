package dev.userpool.triggers;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCustomMessageEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolMigrateUserEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostAuthenticationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPostConfirmationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreAuthenticationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreSignUpEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolPreTokenGenerationEventV2;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.protocol.Json;
import java.util.Map;

/**
 * The events as Cognito puts them on the wire, written member by member from the
 * aws-lambda-java-events classes: their Jackson view (getters, Lombok names) is not the wire
 * format, so nothing here relies on bean inference.
 *
 * <p>Every event carries a {@code response} with the members the function may fill, as null/false,
 * the way Cognito sends it (partly unconfirmed: sources §5.2); PostConfirmation and the
 * authentication events send {@code {}}. A {@code clientMetadata} the caller did not give is left
 * out.
 */
final class TriggerJson {
  /** The plain mapper for trigger answers, built on first use (costly to start; see Json). */
  static ObjectMapper mapper() {
    return Mapper.INSTANCE;
  }

  private static final class Mapper {
    static final ObjectMapper INSTANCE = new ObjectMapper();
  }

  /**
   * The link placeholder of CustomMessage requests (format unconfirmed, sources §5.4; LJE has no
   * member for it).
   */
  static final String LINK_PARAMETER = "{##Click Here##}";

  private TriggerJson() {}

  static ObjectNode write(CognitoUserPoolPreSignUpEvent e) {
    ObjectNode root = envelope(e);
    ObjectNode request = request(root, e.getRequest());
    request.set("validationData", map(e.getRequest().getValidationData()));
    clientMetadata(request, e.getRequest().getClientMetadata());
    CognitoUserPoolPreSignUpEvent.Response r = e.getResponse();
    ObjectNode response = root.putObject("response");
    response.put("autoConfirmUser", r != null && r.getAutoConfirmUser());
    response.put("autoVerifyEmail", r != null && r.getAutoVerifyEmail());
    response.put("autoVerifyPhone", r != null && r.getAutoVerifyPhone());
    return root;
  }

  static ObjectNode write(CognitoUserPoolPostConfirmationEvent e) {
    ObjectNode root = envelope(e);
    clientMetadata(request(root, e.getRequest()), e.getRequest().getClientMetadata());
    root.putObject("response");
    return root;
  }

  static ObjectNode write(CognitoUserPoolPreAuthenticationEvent e) {
    ObjectNode root = envelope(e);
    ObjectNode request = request(root, e.getRequest());
    request.set("validationData", map(e.getRequest().getValidationData()));
    request.put("userNotFound", e.getRequest().getUserNotFound());
    root.putObject("response");
    return root;
  }

  static ObjectNode write(CognitoUserPoolPostAuthenticationEvent e) {
    ObjectNode root = envelope(e);
    ObjectNode request = request(root, e.getRequest());
    request.put("newDeviceUsed", e.getRequest().getNewDeviceUsed());
    clientMetadata(request, e.getRequest().getClientMetadata());
    root.putObject("response");
    return root;
  }

  static ObjectNode write(CognitoUserPoolDefineAuthChallengeEvent e) {
    ObjectNode root = envelope(e);
    ObjectNode request = request(root, e.getRequest());
    ArrayNode session = request.putArray("session");
    if (e.getRequest().getSession() != null) {
      for (CognitoUserPoolDefineAuthChallengeEvent.ChallengeResult c :
          e.getRequest().getSession()) {
        challenge(session, c.getChallengeName(), c.getChallengeResult(), c.getChallengeMetadata());
      }
    }
    clientMetadata(request, e.getRequest().getClientMetadata());
    request.put("userNotFound", e.getRequest().getUserNotFound());
    ObjectNode response = root.putObject("response");
    response.putNull("challengeName");
    response.putNull("issueTokens");
    response.putNull("failAuthentication");
    return root;
  }

  static ObjectNode write(CognitoUserPoolCreateAuthChallengeEvent e) {
    ObjectNode root = envelope(e);
    ObjectNode request = request(root, e.getRequest());
    request.put("challengeName", e.getRequest().getChallengeName());
    ArrayNode session = request.putArray("session");
    if (e.getRequest().getSession() != null) {
      for (CognitoUserPoolCreateAuthChallengeEvent.ChallengeResult c :
          e.getRequest().getSession()) {
        challenge(session, c.getChallengeName(), c.getChallengeResult(), c.getChallengeMetadata());
      }
    }
    clientMetadata(request, e.getRequest().getClientMetadata());
    request.put("userNotFound", e.getRequest().getUserNotFound());
    ObjectNode response = root.putObject("response");
    response.putNull("publicChallengeParameters");
    response.putNull("privateChallengeParameters");
    response.putNull("challengeMetadata");
    return root;
  }

  static ObjectNode write(CognitoUserPoolVerifyAuthChallengeResponseEvent e) {
    ObjectNode root = envelope(e);
    ObjectNode request = request(root, e.getRequest());
    request.set("privateChallengeParameters", map(e.getRequest().getPrivateChallengeParameters()));
    request.put("challengeAnswer", e.getRequest().getChallengeAnswer());
    clientMetadata(request, e.getRequest().getClientMetadata());
    request.put("userNotFound", e.getRequest().getUserNotFound());
    root.putObject("response").putNull("answerCorrect");
    return root;
  }

  static ObjectNode write(CognitoUserPoolPreTokenGenerationEvent e) {
    ObjectNode root = envelope(e);
    ObjectNode request = request(root, e.getRequest());
    CognitoUserPoolPreTokenGenerationEvent.GroupConfiguration g =
        e.getRequest().getGroupConfiguration();
    groups(
        request.putObject("groupConfiguration"),
        g == null ? null : g.getGroupsToOverride(),
        g == null ? null : g.getIamRolesToOverride(),
        g == null ? null : g.getPreferredRole());
    clientMetadata(request, e.getRequest().getClientMetadata());
    root.putObject("response").putNull("claimsOverrideDetails");
    return root;
  }

  static ObjectNode write(CognitoUserPoolPreTokenGenerationEventV2 e) {
    ObjectNode root = envelope(e);
    ObjectNode request = request(root, e.getRequest());
    strings(request.putArray("scopes"), e.getRequest().getScopes());
    CognitoUserPoolPreTokenGenerationEventV2.GroupConfiguration g =
        e.getRequest().getGroupConfiguration();
    groups(
        request.putObject("groupConfiguration"),
        g == null ? null : g.getGroupsToOverride(),
        g == null ? null : g.getIamRolesToOverride(),
        g == null ? null : g.getPreferredRole());
    clientMetadata(request, e.getRequest().getClientMetadata());
    root.putObject("response").putNull("claimsAndScopeOverrideDetails");
    return root;
  }

  static ObjectNode write(CognitoUserPoolMigrateUserEvent e) {
    ObjectNode root = envelope(e);
    ObjectNode request = request(root, e.getRequest());
    request.put("userName", e.getRequest().getUserName());
    if (e.getRequest().getPassword() != null) {
      request.put("password", e.getRequest().getPassword());
    }
    request.set("validationData", map(e.getRequest().getValidationData()));
    clientMetadata(request, e.getRequest().getClientMetadata());
    ObjectNode response = root.putObject("response");
    response.putNull("userAttributes");
    response.putNull("forceAliasCreation");
    response.putNull("finalUserStatus");
    response.putNull("messageAction");
    response.putNull("desiredDeliveryMediums");
    return root;
  }

  static ObjectNode write(CognitoUserPoolCustomMessageEvent e) {
    ObjectNode root = envelope(e);
    ObjectNode request = request(root, e.getRequest());
    request.put("codeParameter", e.getRequest().getCodeParameter());
    request.put("linkParameter", LINK_PARAMETER);
    request.put("usernameParameter", e.getRequest().getUsernameParameter());
    clientMetadata(request, e.getRequest().getClientMetadata());
    ObjectNode response = root.putObject("response");
    response.putNull("smsMessage");
    response.putNull("emailMessage");
    response.putNull("emailSubject");
    return root;
  }

  /**
   * version, triggerSource, region, userPoolId, userName, callerContext {awsSdkVersion, clientId}.
   */
  /**
   * A custom sender event (no aws-lambda-java-events class exists for it): the envelope, then
   * {@code request {type, code, userAttributes, clientMetadata}} and an empty {@code response}
   * (sources §5.3, §5.5).
   */
  static ObjectNode customSender(TriggerContext c, TriggerSource source, String encryptedCode) {
    ObjectNode root = Json.object();
    root.put("version", "1");
    root.put("triggerSource", source.wireName());
    root.put("region", c.pool().region());
    root.put("userPoolId", c.pool().id());
    root.put("userName", c.userName());
    ObjectNode caller = root.putObject("callerContext");
    caller.put("awsSdkVersion", c.callerSdk() != null ? c.callerSdk() : TriggerContext.UNKNOWN_SDK);
    caller.put("clientId", c.clientId() != null ? c.clientId() : TriggerContext.NO_CLIENT);
    ObjectNode request = root.putObject("request");
    request.put(
        "type",
        source.trigger() == Trigger.CUSTOM_EMAIL_SENDER
            ? "customEmailSenderRequestV1"
            : "customSMSSenderRequestV1");
    request.put("code", encryptedCode);
    request.set("userAttributes", map(c.userAttributes() == null ? Map.of() : c.userAttributes()));
    clientMetadata(request, c.clientMetadata());
    root.putObject("response");
    return root;
  }

  /**
   * An InboundFederation event (no aws-lambda-java-events class exists for it): the envelope, then
   * {@code request {providerName, providerType, attributes {tokenResponse, idToken, userInfo |
   * samlResponse}}} and {@code response {userAttributesToMap: {}}} (developer guide, "Inbound
   * federation Lambda trigger"; member names as the public aws-lambda type definitions have them).
   */
  static ObjectNode inboundFederation(
      TriggerContext c,
      String providerName,
      String providerType,
      Map<String, Map<String, String>> attributes) {
    ObjectNode root = Json.object();
    root.put("version", "1");
    root.put("triggerSource", TriggerSource.INBOUND_FEDERATION_EXTERNAL_PROVIDER.wireName());
    root.put("region", c.pool().region());
    root.put("userPoolId", c.pool().id());
    root.put("userName", c.userName());
    ObjectNode caller = root.putObject("callerContext");
    caller.put("awsSdkVersion", c.callerSdk() != null ? c.callerSdk() : TriggerContext.UNKNOWN_SDK);
    caller.put("clientId", c.clientId() != null ? c.clientId() : TriggerContext.NO_CLIENT);
    ObjectNode request = root.putObject("request");
    request.put("providerName", providerName);
    request.put("providerType", providerType);
    ObjectNode groups = request.putObject("attributes");
    attributes.forEach((group, values) -> groups.set(group, map(values)));
    root.putObject("response").putObject("userAttributesToMap");
    return root;
  }

  private static ObjectNode envelope(CognitoUserPoolEvent e) {
    ObjectNode root = Json.object();
    root.put("version", e.getVersion());
    root.put("triggerSource", e.getTriggerSource());
    root.put("region", e.getRegion());
    root.put("userPoolId", e.getUserPoolId());
    root.put("userName", e.getUserName());
    ObjectNode caller = root.putObject("callerContext");
    caller.put("awsSdkVersion", e.getCallerContext().getAwsSdkVersion());
    caller.put("clientId", e.getCallerContext().getClientId());
    return root;
  }

  private static ObjectNode request(ObjectNode root, CognitoUserPoolEvent.Request request) {
    ObjectNode node = root.putObject("request");
    node.set(
        "userAttributes",
        map(request.getUserAttributes() == null ? Map.of() : request.getUserAttributes()));
    return node;
  }

  private static void clientMetadata(ObjectNode request, Map<String, String> clientMetadata) {
    if (clientMetadata != null && !clientMetadata.isEmpty()) {
      request.set("clientMetadata", map(clientMetadata));
    }
  }

  private static ObjectNode map(Map<String, String> values) {
    if (values == null) {
      return null;
    }
    ObjectNode node = Json.object();
    values.forEach(node::put);
    return node;
  }

  private static void challenge(ArrayNode session, String name, boolean result, String metadata) {
    ObjectNode node = session.addObject();
    node.put("challengeName", name);
    node.put("challengeResult", result);
    node.put("challengeMetadata", metadata);
  }

  private static void groups(
      ObjectNode node, String[] groups, String[] roles, String preferredRole) {
    strings(node.putArray("groupsToOverride"), groups);
    strings(node.putArray("iamRolesToOverride"), roles);
    node.put("preferredRole", preferredRole);
  }

  private static void strings(ArrayNode array, String[] values) {
    if (values != null) {
      for (String v : values) {
        array.add(v);
      }
    }
  }
}
