package dev.userpool.triggers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One method per synchronous trigger (sources §5). Each reads the function from the pool's
 * LambdaConfig, builds the event Cognito sends, invokes it within Cognito's 5 s, and reads the
 * answer into a typed result. A trigger the pool does not configure is not invoked: the method
 * returns its pass-through result ({@code NONE}, empty, or nothing).
 *
 * <p>Failures become Cognito's errors (sources §5.6): the function threw →
 * UserLambdaValidationException "{@code <Trigger> failed with error <message>.}"; not invokable or
 * too slow → UnexpectedLambdaException "{@code <Trigger> invocation failed due to error <code>.}";
 * an answer that is not the event → InvalidLambdaResponseException "Unrecognizable lambda output".
 *
 * <p>Callers pass ClientMetadata in the {@link TriggerContext} only where Cognito passes it
 * (sources §5.7).
 */
public final class Triggers {
  /** Cognito's trigger timeout; not configurable (DG). */
  public static final Duration COGNITO_TIMEOUT = Duration.ofSeconds(5);

  /** The code placeholder CustomMessage requests carry and answers must contain (sources §5.4). */
  public static final String CODE_PARAMETER = "{####}";

  /** The username placeholder of {@code CustomMessage_AdminCreateUser} requests. */
  public static final String USERNAME_PARAMETER = "{username}";

  private final TriggerInvoker invoker;
  private final Duration timeout;
  private final String defaultCustomMessageArn;
  private final CustomSenderCodes senderCodes;

  /**
   * @param defaultCustomMessageArn the deployment's CustomMessage function for pools without one;
   *     null for none
   * @param senderCodes encrypts the codes handed to custom senders
   */
  public Triggers(
      TriggerInvoker invoker,
      Duration timeout,
      String defaultCustomMessageArn,
      CustomSenderCodes senderCodes) {
    this.invoker = invoker;
    this.timeout = timeout;
    this.defaultCustomMessageArn = defaultCustomMessageArn;
    this.senderCodes = senderCodes;
  }

  /** Triggers without custom sender encryption (a pool with a custom sender then fails to send). */
  public Triggers(TriggerInvoker invoker, Duration timeout, String defaultCustomMessageArn) {
    this(
        invoker,
        timeout,
        defaultCustomMessageArn,
        (key, pool, code) -> {
          throw TriggerFailure.notInvokable("KMSNotConfigured");
        });
  }

  public Triggers(TriggerInvoker invoker) {
    this(invoker, COGNITO_TIMEOUT, null);
  }

  /**
   * Whether the pool has a function for the trigger (CustomMessage: or the deployment has a default
   * one).
   */
  public boolean isConfigured(UserPool pool, Trigger trigger) {
    return arn(pool, trigger) != null;
  }

  public PreSignUpResult preSignUp(
      TriggerContext c, TriggerSource source, Map<String, String> validationData) {
    source.requireOf(Trigger.PRE_SIGN_UP);
    return call(
            c.pool(),
            Trigger.PRE_SIGN_UP,
            () -> TriggerJson.write(TriggerEvents.preSignUp(c, source, validationData)),
            TriggerAnswers::preSignUp)
        .orElse(PreSignUpResult.NONE);
  }

  public void postConfirmation(TriggerContext c, TriggerSource source) {
    source.requireOf(Trigger.POST_CONFIRMATION);
    call(
        c.pool(),
        Trigger.POST_CONFIRMATION,
        () -> TriggerJson.write(TriggerEvents.postConfirmation(c, source)),
        Triggers::acknowledged);
  }

  public void preAuthentication(
      TriggerContext c, Map<String, String> validationData, boolean userNotFound) {
    call(
        c.pool(),
        Trigger.PRE_AUTHENTICATION,
        () -> TriggerJson.write(TriggerEvents.preAuthentication(c, validationData, userNotFound)),
        Triggers::acknowledged);
  }

  public void postAuthentication(TriggerContext c, boolean newDeviceUsed) {
    call(
        c.pool(),
        Trigger.POST_AUTHENTICATION,
        () -> TriggerJson.write(TriggerEvents.postAuthentication(c, newDeviceUsed)),
        Triggers::acknowledged);
  }

  /** Empty when the pool has no DefineAuthChallenge function (CUSTOM_AUTH is then impossible). */
  public Optional<DefineAuthChallengeResult> defineAuthChallenge(
      TriggerContext c, List<ChallengeResult> session, boolean userNotFound) {
    return call(
        c.pool(),
        Trigger.DEFINE_AUTH_CHALLENGE,
        () -> TriggerJson.write(TriggerEvents.defineAuthChallenge(c, session, userNotFound)),
        TriggerAnswers::defineAuthChallenge);
  }

  public Optional<CreateAuthChallengeResult> createAuthChallenge(
      TriggerContext c, String challengeName, List<ChallengeResult> session, boolean userNotFound) {
    return call(
        c.pool(),
        Trigger.CREATE_AUTH_CHALLENGE,
        () ->
            TriggerJson.write(
                TriggerEvents.createAuthChallenge(c, challengeName, session, userNotFound)),
        TriggerAnswers::createAuthChallenge);
  }

  /**
   * The function's {@code answerCorrect}; empty when the pool has no VerifyAuthChallengeResponse
   * function.
   */
  public Optional<Boolean> verifyAuthChallengeResponse(
      TriggerContext c,
      Map<String, String> privateParameters,
      String challengeAnswer,
      boolean userNotFound) {
    return call(
        c.pool(),
        Trigger.VERIFY_AUTH_CHALLENGE_RESPONSE,
        () ->
            TriggerJson.write(
                TriggerEvents.verifyAuthChallengeResponse(
                    c, privateParameters, challengeAnswer, userNotFound)),
        TriggerAnswers::verifyAuthChallengeResponse);
  }

  /**
   * PreTokenGeneration in the version the pool configures: {@code
   * PreTokenGenerationConfig.LambdaVersion} V2_0 or V3_0 sends the V2 event (with scopes) and reads
   * access-token and scope overrides; otherwise V1_0.
   */
  public TokenOverrides preTokenGeneration(
      TriggerContext c, TriggerSource source, Groups groups, List<String> scopes) {
    source.requireOf(Trigger.PRE_TOKEN_GENERATION);
    Groups given = groups == null ? Groups.NONE : groups;
    String version = LambdaConfig.of(c.pool()).preTokenGenerationVersion();
    if ("V2_0".equals(version) || "V3_0".equals(version)) {
      String eventVersion = version.substring(1, 2);
      return call(
              c.pool(),
              Trigger.PRE_TOKEN_GENERATION,
              () ->
                  TriggerJson.write(
                      TriggerEvents.preTokenGenerationV2(
                          c, source, eventVersion, given, scopes == null ? List.of() : scopes)),
              TriggerAnswers::preTokenGenerationV2)
          .orElse(TokenOverrides.NONE);
    }
    return call(
            c.pool(),
            Trigger.PRE_TOKEN_GENERATION,
            () -> TriggerJson.write(TriggerEvents.preTokenGenerationV1(c, source, given)),
            TriggerAnswers::preTokenGenerationV1)
        .orElse(TokenOverrides.NONE);
  }

  /**
   * PreTokenGeneration for a machine-to-machine (client_credentials) access token: only a V3_0
   * function is called (developer guide, "Pre token generation Lambda trigger": version three
   * events apply to machine authentication, version two to user authentication only). The event is
   * V3_0's with {@code TokenGeneration_ClientCredentials}, no user ({@code c.userName()} null, no
   * attributes, no groups) and the token's scopes.
   */
  public TokenOverrides preTokenGenerationForClient(TriggerContext c, List<String> scopes) {
    if (!"V3_0".equals(LambdaConfig.of(c.pool()).preTokenGenerationVersion())) {
      return TokenOverrides.NONE;
    }
    return call(
            c.pool(),
            Trigger.PRE_TOKEN_GENERATION,
            () ->
                TriggerJson.write(
                    TriggerEvents.preTokenGenerationV2(
                        c,
                        TriggerSource.TOKEN_GENERATION_CLIENT_CREDENTIALS,
                        "3",
                        Groups.NONE,
                        scopes)),
            TriggerAnswers::preTokenGenerationV2)
        .orElse(TokenOverrides.NONE);
  }

  /**
   * UserMigration for a user the pool does not have; {@code c.userName()} is the name the caller
   * typed and {@code password} is null for {@code UserMigration_ForgotPassword}. Empty when the
   * pool has no such function.
   */
  public Optional<UserMigrationResult> userMigration(
      TriggerContext c, TriggerSource source, String password, Map<String, String> validationData) {
    source.requireOf(Trigger.USER_MIGRATION);
    return call(
        c.pool(),
        Trigger.USER_MIGRATION,
        () -> TriggerJson.write(TriggerEvents.userMigration(c, source, password, validationData)),
        TriggerAnswers::userMigration);
  }

  /**
   * The texts to send instead of the pool's templates; {@link CustomMessageResult#NONE} without a
   * function.
   */
  public CustomMessageResult customMessage(TriggerContext c, TriggerSource source) {
    source.requireOf(Trigger.CUSTOM_MESSAGE);
    return call(
            c.pool(),
            Trigger.CUSTOM_MESSAGE,
            () -> TriggerJson.write(TriggerEvents.customMessage(c, source)),
            TriggerAnswers::customMessage)
        .orElse(CustomMessageResult.NONE);
  }

  /**
   * InboundFederation for a user signing in through an external provider: the function sees what
   * the provider sent, grouped as Cognito groups it ({@code tokenResponse}, {@code idToken}, {@code
   * userInfo} for OIDC and social providers, {@code samlResponse} for SAML), and answers the
   * attributes to keep. Empty when the pool has no such function or the function answered {@code
   * {}}, both meaning "map the provider's attributes as configured".
   */
  public Optional<Map<String, String>> inboundFederation(
      TriggerContext c,
      String providerName,
      String providerType,
      Map<String, Map<String, String>> attributes) {
    return call(
            c.pool(),
            Trigger.INBOUND_FEDERATION,
            () -> TriggerJson.inboundFederation(c, providerName, providerType, attributes),
            TriggerAnswers::inboundFederation)
        .filter(mapped -> !mapped.isEmpty());
  }

  /**
   * Hands a code (or temporary password) to the pool's custom sender for {@code source}'s trigger:
   * encrypted under the pool's KMSKeyID, in an event the function gets asynchronously (sources
   * §5.5). Returns false, doing nothing, when the pool has no such sender. Failures to encrypt or
   * to invoke become UnexpectedLambdaException as for other triggers; what the function does with
   * the event, errors included, never reaches the caller.
   */
  public boolean customSender(TriggerContext c, TriggerSource source, String code) {
    Trigger sender = source.trigger();
    if (sender != Trigger.CUSTOM_EMAIL_SENDER && sender != Trigger.CUSTOM_SMS_SENDER) {
      throw new IllegalArgumentException(source.wireName() + " is not a custom sender source");
    }
    String arn = arn(c.pool(), sender);
    if (arn == null) {
      return false;
    }
    try {
      String key = LambdaConfig.of(c.pool()).kmsKeyId();
      if (key == null) {
        // CreateUserPool/UpdateUserPool refuse this; a pool stored before that check lands here.
        throw TriggerFailure.notInvokable("KMSKeyIDMissing");
      }
      String encrypted = senderCodes.encrypt(key, c.pool().id(), code);
      invoker.invokeAsync(arn, TriggerJson.customSender(c, source, encrypted).toString(), timeout);
      return true;
    } catch (TriggerFailure failure) {
      Log.LOG.log(
          System.Logger.Level.INFO, sender.cognitoName() + " trigger failed: " + failure.kind());
      throw toCognito(sender, failure);
    }
  }

  private <T> Optional<T> call(
      UserPool pool,
      Trigger trigger,
      java.util.function.Supplier<ObjectNode> event,
      Function<String, T> read) {
    String arn = arn(pool, trigger);
    if (arn == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(read.apply(invoker.invoke(arn, event.get().toString(), timeout)));
    } catch (TriggerFailure failure) {
      Log.LOG.log(
          System.Logger.Level.INFO, trigger.cognitoName() + " trigger failed: " + failure.kind());
      throw toCognito(trigger, failure);
    }
  }

  /** Cognito's error for a failed trigger (sources §5.6, Appendix A). */
  public static CognitoException toCognito(Trigger trigger, TriggerFailure failure) {
    String name = trigger.cognitoName();
    return switch (failure.kind()) {
      case FUNCTION_ERROR ->
          ErrorCode.USER_LAMBDA_VALIDATION.exception(
              name + " failed with error " + failure.detail() + ".");
      case NOT_INVOKABLE ->
          ErrorCode.UNEXPECTED_LAMBDA.exception(
              name + " invocation failed due to error " + failure.detail() + ".");
      case MALFORMED_ANSWER ->
          ErrorCode.INVALID_LAMBDA_RESPONSE.exception("Unrecognizable lambda output");
    };
  }

  private String arn(UserPool pool, Trigger trigger) {
    String arn = LambdaConfig.of(pool).arn(trigger);
    return arn == null && trigger == Trigger.CUSTOM_MESSAGE ? defaultCustomMessageArn : arn;
  }

  /**
   * Post-confirmation and the authentication events: the answer is checked, nothing in it is used.
   */
  private static Boolean acknowledged(String answer) {
    TriggerAnswers.acknowledged(answer);
    return Boolean.TRUE;
  }

  /**
   * Looked up on the first log record, not when the class loads: a JVM's first {@code
   * System.getLogger} starts the logging back end, ~3% of a Lambda cold start's CPU.
   */
  private static final class Log {
    static final System.Logger LOG = System.getLogger(Triggers.class.getName());
  }
}
