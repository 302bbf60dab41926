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
import java.util.List;
import java.util.Map;

/**
 * Builds the aws-lambda-java-events object of each trigger from a call's context; {@link
 * TriggerJson} writes it.
 */
final class TriggerEvents {
  private TriggerEvents() {}

  static CognitoUserPoolPreSignUpEvent preSignUp(
      TriggerContext c, TriggerSource source, Map<String, String> validationData) {
    return CognitoUserPoolPreSignUpEvent.builder()
        .withVersion("1")
        .withTriggerSource(source.wireName())
        .withRegion(c.pool().region())
        .withUserPoolId(c.pool().id())
        .withUserName(c.userName())
        .withCallerContext(caller(c))
        .withRequest(
            CognitoUserPoolPreSignUpEvent.Request.builder()
                .withUserAttributes(c.userAttributes())
                .withValidationData(validationData)
                .withClientMetadata(c.clientMetadata())
                .build())
        .withResponse(new CognitoUserPoolPreSignUpEvent.Response())
        .build();
  }

  static CognitoUserPoolPostConfirmationEvent postConfirmation(
      TriggerContext c, TriggerSource source) {
    return CognitoUserPoolPostConfirmationEvent.builder()
        .withVersion("1")
        .withTriggerSource(source.wireName())
        .withRegion(c.pool().region())
        .withUserPoolId(c.pool().id())
        .withUserName(c.userName())
        .withCallerContext(caller(c))
        .withRequest(
            CognitoUserPoolPostConfirmationEvent.Request.builder()
                .withUserAttributes(c.userAttributes())
                .withClientMetadata(c.clientMetadata())
                .build())
        .build();
  }

  static CognitoUserPoolPreAuthenticationEvent preAuthentication(
      TriggerContext c, Map<String, String> validationData, boolean userNotFound) {
    return CognitoUserPoolPreAuthenticationEvent.builder()
        .withVersion("1")
        .withTriggerSource(TriggerSource.PRE_AUTHENTICATION_AUTHENTICATION.wireName())
        .withRegion(c.pool().region())
        .withUserPoolId(c.pool().id())
        .withUserName(c.userName())
        .withCallerContext(caller(c))
        .withRequest(
            CognitoUserPoolPreAuthenticationEvent.Request.builder()
                .withUserAttributes(c.userAttributes())
                .withValidationData(validationData)
                .withUserNotFound(userNotFound)
                .build())
        .build();
  }

  static CognitoUserPoolPostAuthenticationEvent postAuthentication(
      TriggerContext c, boolean newDeviceUsed) {
    return CognitoUserPoolPostAuthenticationEvent.builder()
        .withVersion("1")
        .withTriggerSource(TriggerSource.POST_AUTHENTICATION_AUTHENTICATION.wireName())
        .withRegion(c.pool().region())
        .withUserPoolId(c.pool().id())
        .withUserName(c.userName())
        .withCallerContext(caller(c))
        .withRequest(
            CognitoUserPoolPostAuthenticationEvent.Request.builder()
                .withUserAttributes(c.userAttributes())
                .withNewDeviceUsed(newDeviceUsed)
                .withClientMetadata(c.clientMetadata())
                .build())
        .build();
  }

  static CognitoUserPoolDefineAuthChallengeEvent defineAuthChallenge(
      TriggerContext c, List<ChallengeResult> session, boolean userNotFound) {
    return CognitoUserPoolDefineAuthChallengeEvent.builder()
        .withVersion("1")
        .withTriggerSource(TriggerSource.DEFINE_AUTH_CHALLENGE_AUTHENTICATION.wireName())
        .withRegion(c.pool().region())
        .withUserPoolId(c.pool().id())
        .withUserName(c.userName())
        .withCallerContext(caller(c))
        .withRequest(
            CognitoUserPoolDefineAuthChallengeEvent.Request.builder()
                .withUserAttributes(c.userAttributes())
                .withClientMetadata(c.clientMetadata())
                .withSession(
                    session.stream()
                        .map(
                            s ->
                                CognitoUserPoolDefineAuthChallengeEvent.ChallengeResult.builder()
                                    .withChallengeName(s.challengeName())
                                    .withChallengeResult(s.challengeResult())
                                    .withChallengeMetadata(s.challengeMetadata())
                                    .build())
                        .toArray(CognitoUserPoolDefineAuthChallengeEvent.ChallengeResult[]::new))
                .withUserNotFound(userNotFound)
                .build())
        .build();
  }

  static CognitoUserPoolCreateAuthChallengeEvent createAuthChallenge(
      TriggerContext c, String challengeName, List<ChallengeResult> session, boolean userNotFound) {
    return CognitoUserPoolCreateAuthChallengeEvent.builder()
        .withVersion("1")
        .withTriggerSource(TriggerSource.CREATE_AUTH_CHALLENGE_AUTHENTICATION.wireName())
        .withRegion(c.pool().region())
        .withUserPoolId(c.pool().id())
        .withUserName(c.userName())
        .withCallerContext(caller(c))
        .withRequest(
            CognitoUserPoolCreateAuthChallengeEvent.Request.builder()
                .withUserAttributes(c.userAttributes())
                .withClientMetadata(c.clientMetadata())
                .withChallengeName(challengeName)
                .withSession(
                    session.stream()
                        .map(
                            s ->
                                CognitoUserPoolCreateAuthChallengeEvent.ChallengeResult.builder()
                                    .withChallengeName(s.challengeName())
                                    .withChallengeResult(s.challengeResult())
                                    .withChallengeMetadata(s.challengeMetadata())
                                    .build())
                        .toArray(CognitoUserPoolCreateAuthChallengeEvent.ChallengeResult[]::new))
                .withUserNotFound(userNotFound)
                .build())
        .build();
  }

  static CognitoUserPoolVerifyAuthChallengeResponseEvent verifyAuthChallengeResponse(
      TriggerContext c,
      Map<String, String> privateChallengeParameters,
      String challengeAnswer,
      boolean userNotFound) {
    return CognitoUserPoolVerifyAuthChallengeResponseEvent.builder()
        .withVersion("1")
        .withTriggerSource(TriggerSource.VERIFY_AUTH_CHALLENGE_RESPONSE_AUTHENTICATION.wireName())
        .withRegion(c.pool().region())
        .withUserPoolId(c.pool().id())
        .withUserName(c.userName())
        .withCallerContext(caller(c))
        .withRequest(
            CognitoUserPoolVerifyAuthChallengeResponseEvent.Request.builder()
                .withUserAttributes(c.userAttributes())
                .withClientMetadata(c.clientMetadata())
                .withPrivateChallengeParameters(privateChallengeParameters)
                .withChallengeAnswer(challengeAnswer)
                .withUserNotFound(userNotFound)
                .build())
        .build();
  }

  static CognitoUserPoolPreTokenGenerationEvent preTokenGenerationV1(
      TriggerContext c, TriggerSource source, Groups groups) {
    return CognitoUserPoolPreTokenGenerationEvent.builder()
        .withVersion("1")
        .withTriggerSource(source.wireName())
        .withRegion(c.pool().region())
        .withUserPoolId(c.pool().id())
        .withUserName(c.userName())
        .withCallerContext(caller(c))
        .withRequest(
            CognitoUserPoolPreTokenGenerationEvent.Request.builder()
                .withUserAttributes(c.userAttributes())
                .withClientMetadata(c.clientMetadata())
                .withGroupConfiguration(
                    CognitoUserPoolPreTokenGenerationEvent.GroupConfiguration.builder()
                        .withGroupsToOverride(array(groups.groupsToOverride()))
                        .withIamRolesToOverride(array(groups.iamRolesToOverride()))
                        .withPreferredRole(groups.preferredRole())
                        .build())
                .build())
        .build();
  }

  /** V2_0 events carry version "2" (TAL typings; unconfirmed on the wire), V3_0 "3". */
  static CognitoUserPoolPreTokenGenerationEventV2 preTokenGenerationV2(
      TriggerContext c, TriggerSource source, String version, Groups groups, List<String> scopes) {
    return CognitoUserPoolPreTokenGenerationEventV2.builder()
        .withVersion(version)
        .withTriggerSource(source.wireName())
        .withRegion(c.pool().region())
        .withUserPoolId(c.pool().id())
        .withUserName(c.userName())
        .withCallerContext(caller(c))
        .withRequest(
            CognitoUserPoolPreTokenGenerationEventV2.Request.builder()
                .withUserAttributes(c.userAttributes())
                .withClientMetadata(c.clientMetadata())
                .withScopes(array(scopes))
                .withGroupConfiguration(
                    CognitoUserPoolPreTokenGenerationEventV2.GroupConfiguration.builder()
                        .withGroupsToOverride(array(groups.groupsToOverride()))
                        .withIamRolesToOverride(array(groups.iamRolesToOverride()))
                        .withPreferredRole(groups.preferredRole())
                        .build())
                .build())
        .build();
  }

  static CognitoUserPoolMigrateUserEvent userMigration(
      TriggerContext c, TriggerSource source, String password, Map<String, String> validationData) {
    return CognitoUserPoolMigrateUserEvent.builder()
        .withVersion("1")
        .withTriggerSource(source.wireName())
        .withRegion(c.pool().region())
        .withUserPoolId(c.pool().id())
        .withUserName(c.userName())
        .withCallerContext(caller(c))
        .withRequest(
            CognitoUserPoolMigrateUserEvent.Request.builder()
                .withUserAttributes(c.userAttributes() == null ? Map.of() : c.userAttributes())
                .withUserName(c.userName())
                .withPassword(password)
                .withValidationData(validationData)
                .withClientMetadata(c.clientMetadata())
                .build())
        .build();
  }

  static CognitoUserPoolCustomMessageEvent customMessage(TriggerContext c, TriggerSource source) {
    String usernameParameter =
        source == TriggerSource.CUSTOM_MESSAGE_ADMIN_CREATE_USER
            ? Triggers.USERNAME_PARAMETER
            : null;
    return CognitoUserPoolCustomMessageEvent.builder()
        .withVersion("1")
        .withTriggerSource(source.wireName())
        .withRegion(c.pool().region())
        .withUserPoolId(c.pool().id())
        .withUserName(c.userName())
        .withCallerContext(caller(c))
        .withRequest(
            CognitoUserPoolCustomMessageEvent.Request.builder()
                .withUserAttributes(c.userAttributes())
                .withClientMetadata(c.clientMetadata())
                .withCodeParameter(Triggers.CODE_PARAMETER)
                .withUsernameParameter(usernameParameter)
                .build())
        .build();
  }

  private static CognitoUserPoolEvent.CallerContext caller(TriggerContext c) {
    return CognitoUserPoolEvent.CallerContext.builder()
        .withAwsSdkVersion(c.callerSdk() != null ? c.callerSdk() : TriggerContext.UNKNOWN_SDK)
        .withClientId(c.clientId() != null ? c.clientId() : TriggerContext.NO_CLIENT)
        .build();
  }

  private static String[] array(List<String> values) {
    return values == null ? new String[0] : values.toArray(String[]::new);
  }
}
