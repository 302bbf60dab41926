package dev.userpool.authflows;

import dev.userpool.domain.User;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What follows an accepted password, in every password-based flow: UNCONFIRMED → UserNotConfirmedException;
 * FORCE_CHANGE_PASSWORD → the NEW_PASSWORD_REQUIRED challenge (or NotAuthorizedException when the temporary
 * password has expired); otherwise the MFA stage ({@link MfaStage}), then Post Authentication and tokens.
 */
public final class SignInCompletion {
  static final String NEW_PASSWORD_REQUIRED = "NEW_PASSWORD_REQUIRED";

  private final ChallengeSessions sessions;
  private final TokenMint mint;
  private final AuthenticationHooks hooks;
  private final MfaStage mfa;

  public SignInCompletion(ChallengeSessions sessions, TokenMint mint, AuthenticationHooks hooks) {
    this(sessions, mint, hooks, new MfaStage(sessions));
  }

  public SignInCompletion(ChallengeSessions sessions, TokenMint mint, AuthenticationHooks hooks, MfaStage mfa) {
    this.sessions = sessions;
    this.mint = mint;
    this.hooks = hooks;
    this.mfa = mfa;
  }

  public AuthResult passwordAccepted(SignInContext ctx, User user) {
    switch (user.status()) {
      case UNCONFIRMED -> throw ErrorCode.USER_NOT_CONFIRMED.exception("User is not confirmed.");
      case FORCE_CHANGE_PASSWORD -> {
        var password = user.password();
        if (password != null && password.temporaryUntil() != null && !ctx.now().isBefore(password.temporaryUntil())) {
          // observed wording (sources §7.3, unconfirmed)
          throw ErrorCode.NOT_AUTHORIZED.exception(
              "Temporary password has expired and must be reset by an administrator.");
        }
        return new AuthResult.Challenge(NEW_PASSWORD_REQUIRED, newPasswordParameters(ctx, user),
            sessions.open(ctx, user, NEW_PASSWORD_REQUIRED));
      }
      default -> {
        return secondFactorThenTokens(ctx, user, TokenGenerationSource.AUTHENTICATION);
      }
    }
  }

  /** The MFA challenge the user owes, or (none owed) Post Authentication and tokens. */
  public AuthResult secondFactorThenTokens(SignInContext ctx, User user, TokenGenerationSource source) {
    return mfa.challenge(ctx, user).<AuthResult>map(c -> c).orElseGet(() -> authenticated(ctx, user, source));
  }

  /** Post Authentication, then the tokens of a new sign-in. */
  public AuthResult.Authenticated authenticated(SignInContext ctx, User user, TokenGenerationSource source) {
    hooks.afterAuthentication(ctx, user);
    return mint.signIn(ctx, user, source);
  }

  /**
   * NEW_PASSWORD_REQUIRED's parameters (sources §7.3): USER_ID_FOR_SRP, userAttributes (the current attributes but
   * sub, as a JSON object of strings) and requiredAttributes (the pool's required attributes the user lacks, as a
   * JSON array of "userAttributes.&lt;name&gt;").
   */
  static Map<String, String> newPasswordParameters(SignInContext ctx, User user) {
    Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
    attributes.remove("sub");
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("USER_ID_FOR_SRP", user.username());
    parameters.put("requiredAttributes",
        Json.write(missingRequired(ctx, user.attributes()).stream().map(a -> "userAttributes." + a).toList()));
    parameters.put("userAttributes", Json.write(attributes));
    return parameters;
  }

  /** The pool's required attributes (sub aside) that have no value in {@code attributes}. */
  static List<String> missingRequired(SignInContext ctx, Map<String, String> attributes) {
    List<String> missing = new ArrayList<>();
    for (Map<String, Object> a : ctx.pool().view().schemaAttributes()) {
      String name = String.valueOf(a.get("Name"));
      String value = attributes.get(name);
      if (Boolean.TRUE.equals(a.get("Required")) && !name.equals("sub") && (value == null || value.isEmpty())) {
        missing.add(name);
      }
    }
    return missing;
  }
}
