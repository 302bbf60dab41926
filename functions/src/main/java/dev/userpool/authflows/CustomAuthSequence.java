package dev.userpool.authflows;

import dev.userpool.authflows.CustomChallengeTriggers.Challenge;
import dev.userpool.authflows.CustomChallengeTriggers.Decision;
import dev.userpool.authflows.CustomChallengeTriggers.Round;
import dev.userpool.authflows.CustomChallengeTriggers.Subject;
import dev.userpool.domain.ChallengeSession;
import dev.userpool.domain.User;
import dev.userpool.domain.UserStatus;
import dev.userpool.errors.CognitoException;
import dev.userpool.errors.ErrorCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The loop of a custom authentication (DG "Define Auth challenge Lambda trigger"): after every
 * round DefineAuthChallenge sees all rounds so far and says what happens next — tokens ({@code
 * issueTokens}), failure ({@code failAuthentication}), CUSTOM_CHALLENGE (CreateAuthChallenge makes
 * it; its public parameters go to the client, its private ones wait sealed in the session for
 * VerifyAuthChallengeResponse), or PASSWORD_VERIFIER when the flow started with SRP_A (the SRP
 * password check inside the sequence, after which Define is asked again).
 *
 * <p>Answers Cognito does not document, guessed here: failure is "Incorrect username or password."
 * (what clients report for failAuthentication); a Define answer naming no usable next step is an
 * unrecognizable answer; a pool without the Create or Verify function when one is needed gets the
 * same error as one without Define; after {@link #MAX_ROUNDS} rounds the sign-in fails (Cognito's
 * own limit could not be confirmed).
 */
public final class CustomAuthSequence {
  static final String CUSTOM_CHALLENGE = "CUSTOM_CHALLENGE";
  static final String PASSWORD_VERIFIER = "PASSWORD_VERIFIER";
  static final String SRP_A = "SRP_A";

  /** The most rounds one sign-in may take (unconfirmed; see the class comment). */
  static final int MAX_ROUNDS = 8;

  static final String STATE_KEY = "custom-auth-state";

  private final CustomChallengeTriggers triggers;
  private final ChallengeSessions sessions;
  private final SealedState sealed;
  private final SignInCompletion completion;
  private final UserAccounts users;
  private final SrpAuthFlow srp;

  /**
   * @param srp makes the PASSWORD_VERIFIER challenge when Define asks for it
   */
  public CustomAuthSequence(
      CustomChallengeTriggers triggers,
      ChallengeSessions sessions,
      SealedState sealed,
      SignInCompletion completion,
      UserAccounts users,
      SrpAuthFlow srp) {
    this.triggers = triggers;
    this.sessions = sessions;
    this.sealed = sealed;
    this.completion = completion;
    this.users = users;
    this.srp = srp;
  }

  /**
   * InvalidParameterException as Cognito words it (observed in public reports, e.g.
   * amplify-js#6327).
   */
  static CognitoException notConfigured() {
    return ErrorCode.INVALID_PARAMETER.exception(
        "Custom auth lambda trigger is not configured for the user pool.");
  }

  boolean configured(SignInContext ctx) {
    return triggers.defineConfigured(ctx.pool());
  }

  /** Asks Define what follows the rounds in {@code state} and carries it out. */
  AuthResult next(SignInContext ctx, User user, CustomAuthState state) {
    Subject subject = new Subject(user, state.username());
    Decision decision =
        triggers
            .define(ctx, subject, state.rounds())
            .orElseThrow(CustomAuthSequence::notConfigured);
    if (decision.failAuthentication()) {
      throw failed();
    }
    if (decision.issueTokens()) {
      if (user == null) {
        throw failed(); // nobody to issue tokens to
      }
      return completion.authenticated(ctx, user, TokenGenerationSource.AUTHENTICATION);
    }
    String name = decision.challengeName();
    if (state.rounds().size() >= MAX_ROUNDS) {
      throw failed();
    }
    if (CUSTOM_CHALLENGE.equals(name)) {
      Challenge challenge =
          triggers
              .create(ctx, subject, name, state.rounds())
              .orElseThrow(CustomAuthSequence::notConfigured);
      CustomAuthState waiting =
          state.withChallenge(challenge.privateParameters(), challenge.metadata());
      Map<String, String> parameters = new LinkedHashMap<>(challenge.publicParameters());
      parameters.put("USERNAME", state.username());
      return new AuthResult.Challenge(
          CUSTOM_CHALLENGE, parameters, open(ctx, waiting, CUSTOM_CHALLENGE));
    }
    if (PASSWORD_VERIFIER.equals(name) && state.srpA() != null) {
      AuthResult.Challenge verifier =
          srp.passwordVerifier(ctx, user, state.username(), state.srpA(), true);
      return new AuthResult.Challenge(
          verifier.name(),
          verifier.parameters(),
          open(ctx, state.withoutSrpA(), PASSWORD_VERIFIER));
    }
    throw ErrorCode.INVALID_LAMBDA_RESPONSE.exception("Unrecognizable lambda output");
  }

  /** The answer to a CUSTOM_CHALLENGE: Verify judges it, then Define decides again. */
  AuthResult answered(SignInContext ctx, Parameters responses, String session) {
    ChallengeSession taken = sessions.consume(ctx, session, CUSTOM_CHALLENGE);
    CustomAuthState state = state(taken);
    String username = responses.require("USERNAME");
    String answer = responses.require("ANSWER");
    User user = user(ctx, state);
    if (!designates(ctx, user, state, username)) {
      throw failed();
    }
    SecretHashCheck.require(ctx.client(), state.username(), responses.optional("SECRET_HASH"));
    boolean correct =
        triggers
            .verify(ctx, new Subject(user, state.username()), state.privateParameters(), answer)
            .orElseThrow(CustomAuthSequence::notConfigured);
    return next(
        ctx,
        user,
        state.withRound(new Round(CUSTOM_CHALLENGE, correct, state.challengeMetadata())));
  }

  /**
   * PASSWORD_VERIFIER passed inside a custom sequence: the round is recorded and Define asked
   * again.
   */
  AuthResult passwordVerified(SignInContext ctx, User user, String session) {
    ChallengeSession taken = sessions.consume(ctx, session, PASSWORD_VERIFIER);
    CustomAuthState state = state(taken);
    if (!user.sub().equals(state.sub())) {
      throw ChallengeSessions.expired();
    }
    if (user.status() == UserStatus.UNCONFIRMED) {
      throw ErrorCode.USER_NOT_CONFIRMED.exception("User is not confirmed.");
    }
    return next(ctx, user, state.withRound(new Round(PASSWORD_VERIFIER, true, null)));
  }

  private String open(SignInContext ctx, CustomAuthState state, String challengeName) {
    return sessions.open(ctx, state.sub(), challengeName, sealed.seal(state.toJson()));
  }

  private CustomAuthState state(ChallengeSession taken) {
    if (taken.state() == null) {
      throw ChallengeSessions.expired();
    }
    return sealed
        .open(taken.state())
        .map(CustomAuthState::fromJson)
        .orElseThrow(ChallengeSessions::expired);
  }

  private User user(SignInContext ctx, CustomAuthState state) {
    if (state.sub() == null) {
      return null;
    }
    return users.findBySub(ctx.pool(), state.sub()).orElseThrow(CustomAuthSequence::failed);
  }

  /**
   * USERNAME must name the user of the session: its username or a sign-in alias (as typed for
   * nobody).
   */
  private boolean designates(SignInContext ctx, User user, CustomAuthState state, String name) {
    if (name.equals(state.username())) {
      return true;
    }
    return user != null
        && users.findForSignIn(ctx.pool(), name).map(u -> u.sub().equals(user.sub())).orElse(false);
  }

  static CognitoException failed() {
    return ErrorCode.NOT_AUTHORIZED.exception("Incorrect username or password.");
  }
}
