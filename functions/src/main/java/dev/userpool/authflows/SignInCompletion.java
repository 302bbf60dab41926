package dev.userpool.authflows;

import dev.userpool.domain.Device;
import dev.userpool.domain.User;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What follows an accepted password, in every password-based flow: UNCONFIRMED →
 * UserNotConfirmedException; FORCE_CHANGE_PASSWORD → the NEW_PASSWORD_REQUIRED challenge (or
 * NotAuthorizedException when the temporary password has expired); otherwise the MFA stage ({@link
 * MfaStage}) — which a remembered device replaces ({@link DeviceTracking#skipsMfa}) — then
 * DEVICE_SRP_AUTH for a device the sign-in presented, then Post Authentication and tokens, with
 * NewDeviceMetadata when the pool tracks devices and no device was proven.
 */
public final class SignInCompletion {
  static final String NEW_PASSWORD_REQUIRED = "NEW_PASSWORD_REQUIRED";

  private final ChallengeSessions sessions;
  private final TokenMint mint;
  private final AuthenticationHooks hooks;
  private final MfaStage mfa;
  private final DeviceTracking devices;
  private final boolean hostedPages;

  public SignInCompletion(
      ChallengeSessions sessions,
      TokenMint mint,
      AuthenticationHooks hooks,
      MfaStage mfa,
      DeviceTracking devices) {
    this(sessions, mint, hooks, mfa, devices, false);
  }

  private SignInCompletion(
      ChallengeSessions sessions,
      TokenMint mint,
      AuthenticationHooks hooks,
      MfaStage mfa,
      DeviceTracking devices,
      boolean hostedPages) {
    this.sessions = sessions;
    this.mint = mint;
    this.hooks = hooks;
    this.mfa = mfa;
    this.devices = devices;
    this.hostedPages = hostedPages;
  }

  /**
   * The same steps for the hosted sign-in pages, which end in {@link AuthResult.SignedIn} instead
   * of tokens: the OAuth layer issues a code, and the token endpoint mints the tokens later (with
   * TokenGeneration_HostedAuth).
   */
  static SignInCompletion forHostedPages(
      ChallengeSessions sessions, TokenMint mint, AuthenticationHooks hooks, MfaStage mfa) {
    return new SignInCompletion(
        sessions, mint, hooks, mfa, DeviceTracking.off(sessions, null), true);
  }

  public AuthResult passwordAccepted(SignInContext ctx, User user) {
    return passwordAccepted(ctx, user, Optional.empty());
  }

  /**
   * As {@link #passwordAccepted(SignInContext, User)}, for a sign-in that presented {@code
   * deviceKey}.
   */
  public AuthResult passwordAccepted(SignInContext ctx, User user, Optional<String> deviceKey) {
    switch (user.status()) {
      case UNCONFIRMED -> throw ErrorCode.USER_NOT_CONFIRMED.exception("User is not confirmed.");
      case FORCE_CHANGE_PASSWORD -> {
        var password = user.password();
        if (password != null
            && password.temporaryUntil() != null
            && !ctx.now().isBefore(password.temporaryUntil())) {
          // observed wording (sources §7.3, unconfirmed)
          throw ErrorCode.NOT_AUTHORIZED.exception(
              "Temporary password has expired and must be reset by an administrator.");
        }
        return new AuthResult.Challenge(
            NEW_PASSWORD_REQUIRED,
            newPasswordParameters(ctx, user),
            sessions.open(ctx, user, NEW_PASSWORD_REQUIRED));
      }
      default -> {
        return secondFactorThenTokens(ctx, user, TokenGenerationSource.AUTHENTICATION, deviceKey);
      }
    }
  }

  /** The MFA challenge the user owes, or (none owed) Post Authentication and tokens. */
  public AuthResult secondFactorThenTokens(
      SignInContext ctx, User user, TokenGenerationSource source) {
    return secondFactorThenTokens(ctx, user, source, Optional.empty());
  }

  /**
   * For a sign-in that presented {@code deviceKey}: a remembered device replaces the second factor
   * (DEVICE_SRP_AUTH at once); otherwise the MFA challenge the user owes, or, none owed, {@link
   * #afterSecondFactor}.
   */
  public AuthResult secondFactorThenTokens(
      SignInContext ctx, User user, TokenGenerationSource source, Optional<String> deviceKey) {
    if (devices.skipsMfa(ctx, user, deviceKey)) {
      return devices.challenge(ctx, user, deviceKey).orElseThrow();
    }
    Optional<? extends AuthResult> owed = mfa.challenge(ctx, user);
    if (owed.isPresent()) {
      return owed.get();
    }
    return afterSecondFactor(ctx, user, source, deviceKey);
  }

  /**
   * After the second factor (or when none is owed): DEVICE_SRP_AUTH for a device the sign-in
   * presented (amazon- cognito-identity-js answers it after an MFA code too), otherwise Post
   * Authentication and tokens.
   */
  public AuthResult afterSecondFactor(
      SignInContext ctx, User user, TokenGenerationSource source, Optional<String> deviceKey) {
    Optional<AuthResult.Challenge> device = devices.challenge(ctx, user, deviceKey);
    if (device.isPresent()) {
      return device.get();
    }
    return authenticated(ctx, user, source);
  }

  /**
   * Post Authentication, then the tokens of a new sign-in (on a new device when the pool tracks
   * devices).
   */
  public AuthResult authenticated(SignInContext ctx, User user, TokenGenerationSource source) {
    hooks.afterAuthentication(ctx, user);
    if (hostedPages) {
      return new AuthResult.SignedIn(user);
    }
    AuthResult.NewDevice device = devices.register(ctx, user);
    AuthResult.Authenticated tokens =
        mint.signIn(ctx, user, source, device == null ? null : device.deviceKey());
    return tokens.withNewDevice(device);
  }

  /**
   * Post Authentication, then the tokens of a sign-in proven on one of the user's devices (device
   * SRP).
   */
  public AuthResult.Authenticated authenticatedOnDevice(
      SignInContext ctx, User user, Device device) {
    hooks.afterAuthentication(ctx, user);
    return mint.signIn(ctx, user, TokenGenerationSource.AUTHENTICATE_DEVICE, device.deviceKey());
  }

  /**
   * NEW_PASSWORD_REQUIRED's parameters (sources §7.3): USER_ID_FOR_SRP, userAttributes (the current
   * attributes but sub, as a JSON object of strings) and requiredAttributes (the pool's required
   * attributes the user lacks, as a JSON array of "userAttributes.&lt;name&gt;").
   */
  static Map<String, String> newPasswordParameters(SignInContext ctx, User user) {
    Map<String, String> attributes = new LinkedHashMap<>(user.attributes());
    attributes.remove("sub");
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("USER_ID_FOR_SRP", user.username());
    parameters.put(
        "requiredAttributes",
        Json.write(
            missingRequired(ctx, user.attributes()).stream()
                .map(a -> "userAttributes." + a)
                .toList()));
    parameters.put("userAttributes", Json.write(attributes));
    return parameters;
  }

  /** The pool's required attributes (sub aside) that have no value in {@code attributes}. */
  static List<String> missingRequired(SignInContext ctx, Map<String, String> attributes) {
    List<String> missing = new ArrayList<>();
    for (Map<String, Object> a : ctx.pool().view().schemaAttributes()) {
      String name = String.valueOf(a.get("Name"));
      String value = attributes.get(name);
      if (Boolean.TRUE.equals(a.get("Required"))
          && !name.equals("sub")
          && (value == null || value.isEmpty())) {
        missing.add(name);
      }
    }
    return missing;
  }
}
