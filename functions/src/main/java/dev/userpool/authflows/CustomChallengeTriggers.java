package dev.userpool.authflows;

import dev.userpool.domain.User;
import dev.userpool.domain.UserPool;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three custom authentication triggers as the CUSTOM_AUTH flow sees them (DG "Custom
 * authentication challenge Lambda triggers"): Define decides what comes next from the rounds so
 * far, Create makes a challenge, Verify judges an answer. Each method is empty when the pool has no
 * function for it; a failing function throws Cognito's error. The operations layer implements it
 * over the pool's Lambda triggers; {@link #NONE} is a pool with none of them.
 */
public interface CustomChallengeTriggers {
  CustomChallengeTriggers NONE =
      new CustomChallengeTriggers() {
        @Override
        public boolean defineConfigured(UserPool pool) {
          return false;
        }

        @Override
        public Optional<Decision> define(SignInContext ctx, Subject subject, List<Round> rounds) {
          return Optional.empty();
        }

        @Override
        public Optional<Challenge> create(
            SignInContext ctx, Subject subject, String challengeName, List<Round> rounds) {
          return Optional.empty();
        }

        @Override
        public Optional<Boolean> verify(
            SignInContext ctx,
            Subject subject,
            Map<String, String> privateParameters,
            String answer) {
          return Optional.empty();
        }
      };

  /**
   * Whom the sign-in is about: the user, or (PreventUserExistenceErrors ENABLED, nobody found) only
   * the name typed, which the triggers receive with {@code userNotFound=true}.
   */
  record Subject(User user, String username) {
    public boolean userNotFound() {
      return user == null;
    }
  }

  /**
   * One element of the triggers' {@code session}: a challenge presented and whether it was answered
   * correctly.
   */
  record Round(String challengeName, boolean challengeResult, String challengeMetadata) {}

  /** Define's answer. */
  record Decision(String challengeName, boolean issueTokens, boolean failAuthentication) {}

  /** Create's answer; the maps are never null. */
  record Challenge(
      Map<String, String> publicParameters,
      Map<String, String> privateParameters,
      String metadata) {
    public Challenge {
      publicParameters = publicParameters == null ? Map.of() : Map.copyOf(publicParameters);
      privateParameters = privateParameters == null ? Map.of() : Map.copyOf(privateParameters);
    }
  }

  boolean defineConfigured(UserPool pool);

  Optional<Decision> define(SignInContext ctx, Subject subject, List<Round> rounds);

  Optional<Challenge> create(
      SignInContext ctx, Subject subject, String challengeName, List<Round> rounds);

  /** {@code answerCorrect}. */
  Optional<Boolean> verify(
      SignInContext ctx, Subject subject, Map<String, String> privateParameters, String answer);
}
