package dev.userpool.authflows;

import dev.userpool.store.ChallengeSessionStore;
import dev.userpool.store.DeploymentKeyStore;
import dev.userpool.store.DeviceStore;
import dev.userpool.store.RefreshTokenStore;
import dev.userpool.store.UserGroupsSource;
import dev.userpool.store.WebAuthnCredentialStore;
import dev.userpool.tokens.Tokens;
import java.security.SecureRandom;

/**
 * What the sign-in flows are built from besides users and tokens: their stores (the users' devices
 * among them) and the seams, {@link AuthenticationHooks} (triggers), {@link UserGroupsSource} (the
 * user's groups, for {@code cognito:groups}), {@link SourcePasswords} (imported users' first
 * passwords), {@link MfaCodes} (SMS and email sign-in codes) and {@link CustomChallengeTriggers}
 * (CUSTOM_AUTH), no-ops unless set with {@link #withHooks} / {@link #withGroups} / {@link
 * #withSourcePasswords} / {@link #withMfaCodes} / {@link #withCustomChallenges}.
 */
public record SignInSetup(
    ChallengeSessionStore sessions,
    RefreshTokenStore refreshTokens,
    DeploymentKeyStore deploymentKeys,
    AuthenticationHooks hooks,
    UserGroupsSource groups,
    SourcePasswords sourcePasswords,
    MfaCodes mfaCodes,
    CustomChallengeTriggers customChallenges,
    DeviceStore devices,
    WebAuthnCredentialStore passkeys) {

  public SignInSetup(
      ChallengeSessionStore sessions,
      RefreshTokenStore refreshTokens,
      DeploymentKeyStore keys,
      DeviceStore devices,
      WebAuthnCredentialStore passkeys) {
    this(
        sessions,
        refreshTokens,
        keys,
        AuthenticationHooks.NONE,
        UserGroupsSource.NONE,
        SourcePasswords.NONE,
        MfaCodes.NONE,
        CustomChallengeTriggers.NONE,
        devices,
        passkeys);
  }

  public SignInSetup withHooks(AuthenticationHooks newHooks) {
    return new SignInSetup(
        sessions,
        refreshTokens,
        deploymentKeys,
        newHooks,
        groups,
        sourcePasswords,
        mfaCodes,
        customChallenges,
        devices,
        passkeys);
  }

  public SignInSetup withGroups(UserGroupsSource newGroups) {
    return new SignInSetup(
        sessions,
        refreshTokens,
        deploymentKeys,
        hooks,
        newGroups,
        sourcePasswords,
        mfaCodes,
        customChallenges,
        devices,
        passkeys);
  }

  /**
   * Where imported users' passwords are checked on their first sign-in (see {@link
   * ImportedUserPasswords}).
   */
  public SignInSetup withSourcePasswords(SourcePasswords newSource) {
    return new SignInSetup(
        sessions,
        refreshTokens,
        deploymentKeys,
        hooks,
        groups,
        newSource,
        mfaCodes,
        customChallenges,
        devices,
        passkeys);
  }

  /** The channel of SMS and email sign-in codes. */
  public SignInSetup withMfaCodes(MfaCodes newCodes) {
    return new SignInSetup(
        sessions,
        refreshTokens,
        deploymentKeys,
        hooks,
        groups,
        sourcePasswords,
        newCodes,
        customChallenges,
        devices,
        passkeys);
  }

  public SignInSetup withCustomChallenges(CustomChallengeTriggers newCustomChallenges) {
    return new SignInSetup(
        sessions,
        refreshTokens,
        deploymentKeys,
        hooks,
        groups,
        sourcePasswords,
        mfaCodes,
        newCustomChallenges,
        devices,
        passkeys);
  }

  /** GetTokensFromRefreshToken's exchange, over the same stores, hooks and groups as the flows. */
  public RefreshTokenExchange refreshTokenExchange(
      UserAccounts users, Tokens tokens, SecureRandom random) {
    return new RefreshTokenExchange(
        refreshTokens,
        users,
        new TokenMint(tokens.issuer(), tokens.issuers(), refreshTokens, groups, hooks, random));
  }

  /**
   * The parts of the flows the OAuth endpoints use (see {@link OAuthSignIn}): the password check
   * and the challenge answers of the API, completed for the hosted pages (no devices, no tokens
   * until the code is redeemed); {@code signInAttempts} as for {@link #flows}.
   */
  public OAuthSignIn oauth(
      UserAccounts users, Tokens tokens, SecureRandom random, int signInAttempts) {
    TokenMint mint =
        new TokenMint(tokens.issuer(), tokens.issuers(), refreshTokens, groups, hooks, random);
    ChallengeSessions challengeSessions = new ChallengeSessions(sessions, random);
    MfaStage mfa = new MfaStage(challengeSessions, mfaCodes);
    SignInCompletion completion =
        SignInCompletion.forHostedPages(challengeSessions, mint, hooks, mfa);
    AccountProtection protection = new AccountProtection(users, signInAttempts);
    AuthFlows challenges =
        new AuthFlows()
            .challenge(
                SignInCompletion.NEW_PASSWORD_REQUIRED,
                new NewPasswordRequiredChallenge(users, challengeSessions, completion, random))
            .challenge(
                PoolMfa.SOFTWARE_TOKEN_MFA,
                new SoftwareTokenMfaChallenge(
                    users,
                    challengeSessions,
                    protection,
                    softwareTokens(users, random),
                    completion))
            .challenge(
                PoolMfa.SMS_MFA,
                MfaCodeChallenge.sms(users, challengeSessions, protection, mfaCodes, completion))
            .challenge(
                PoolMfa.EMAIL_OTP,
                MfaCodeChallenge.email(users, challengeSessions, protection, mfaCodes, completion))
            .challenge(
                MfaStage.SELECT_MFA_TYPE, new SelectMfaTypeChallenge(users, challengeSessions, mfa))
            .challenge(
                MfaStage.MFA_SETUP, new MfaSetupChallenge(users, challengeSessions, completion));
    return new OAuthSignIn(
        new PasswordAuthFlow(
            users,
            protection,
            completion,
            hooks,
            new ImportedUserPasswords(sourcePasswords, users, random)),
        completion,
        challenges,
        new RefreshTokenExchange(refreshTokens, users, mint),
        mint);
  }

  /**
   * The flow table: one line per AuthFlow (with the ExplicitAuthFlows flag it needs) and per
   * challenge.
   */
  public AuthFlows flows(UserAccounts users, Tokens tokens, SecureRandom random) {
    return flows(users, tokens, random, SignInCodes.NONE, AccountProtection.FREE_ATTEMPTS);
  }

  /**
   * The flow table, with one-time sign-in codes for USER_AUTH's EMAIL_OTP and SMS_OTP; {@code
   * signInAttempts}: wrong passwords before the lockout starts ({@code Limits}; 0 = never locked).
   */
  public AuthFlows flows(
      UserAccounts users,
      Tokens tokens,
      SecureRandom random,
      SignInCodes codes,
      int signInAttempts) {
    AccountProtection protection = new AccountProtection(users, signInAttempts);
    ChallengeSessions challengeSessions = new ChallengeSessions(sessions, random);
    TokenMint mint =
        new TokenMint(tokens.issuer(), tokens.issuers(), refreshTokens, groups, hooks, random);
    DeviceTracking deviceTracking = new DeviceTracking(devices, challengeSessions, random);
    MfaStage mfa = new MfaStage(challengeSessions, mfaCodes);
    SignInCompletion completion =
        new SignInCompletion(challengeSessions, mint, hooks, mfa, deviceTracking);
    SoftwareTokens softwareTokens = softwareTokens(users, random);
    SecretBlocks blocks = new SecretBlocks(deploymentKeys, random);
    PasswordAuthFlow password =
        new PasswordAuthFlow(
            users,
            protection,
            completion,
            hooks,
            new ImportedUserPasswords(sourcePasswords, users, random));
    RefreshTokenFlow refresh =
        new RefreshTokenFlow(new RefreshTokenExchange(refreshTokens, users, mint), mint);
    SrpAuthFlow srp = new SrpAuthFlow(users, protection, blocks, deploymentKeys, random);
    CustomAuthSequence custom =
        new CustomAuthSequence(
            customChallenges,
            challengeSessions,
            new SealedState(deploymentKeys, random, CustomAuthSequence.STATE_KEY),
            completion,
            users,
            srp);
    UserAuthFlow userAuth =
        new UserAuthFlow(
            users,
            protection,
            completion,
            hooks,
            challengeSessions,
            srp,
            codes,
            passkeySignIn(random),
            password,
            mfa);
    return new AuthFlows()
        .flow("USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH", false, password)
        .flow("ADMIN_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", true, password)
        .flow("ADMIN_NO_SRP_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", true, password)
        .flow("USER_SRP_AUTH", "ALLOW_USER_SRP_AUTH", false, srp)
        .flow(
            "CUSTOM_AUTH",
            "ALLOW_CUSTOM_AUTH",
            false,
            new CustomAuthFlow(users, protection, custom, hooks))
        .flow("USER_AUTH", "ALLOW_USER_AUTH", false, userAuth)
        .challenge("SELECT_CHALLENGE", userAuth.selectChallenge())
        .challenge("SMS_OTP", userAuth.otpChallenge("SMS_OTP"))
        .challenge("WEB_AUTHN", userAuth.webAuthnChallenge())
        .flow("REFRESH_TOKEN_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", false, refresh)
        .flow("REFRESH_TOKEN", "ALLOW_REFRESH_TOKEN_AUTH", false, refresh)
        .challenge(
            "PASSWORD_VERIFIER",
            new PasswordVerifierChallenge(users, protection, blocks, completion, hooks, custom))
        .challenge("CUSTOM_CHALLENGE", new CustomChallengeResponder(custom))
        .challenge(
            "DEVICE_SRP_AUTH",
            new DeviceSrpAuthChallenge(users, challengeSessions, deviceTracking, blocks, random))
        .challenge(
            "DEVICE_PASSWORD_VERIFIER",
            new DevicePasswordVerifierChallenge(
                users, challengeSessions, deviceTracking, blocks, completion))
        .challenge(
            "NEW_PASSWORD_REQUIRED",
            new NewPasswordRequiredChallenge(users, challengeSessions, completion, random))
        .challenge(
            PoolMfa.SOFTWARE_TOKEN_MFA,
            new SoftwareTokenMfaChallenge(
                users, challengeSessions, protection, softwareTokens, completion))
        .challenge(
            PoolMfa.SMS_MFA,
            MfaCodeChallenge.sms(users, challengeSessions, protection, mfaCodes, completion))
        .challenge(
            PoolMfa.EMAIL_OTP,
            new FirstFactorOrMfaChallenge(
                challengeSessions,
                "EMAIL_OTP",
                userAuth.otpChallenge("EMAIL_OTP"),
                MfaCodeChallenge.email(users, challengeSessions, protection, mfaCodes, completion)))
        .challenge(
            MfaStage.SELECT_MFA_TYPE, new SelectMfaTypeChallenge(users, challengeSessions, mfa))
        .challenge(MfaStage.MFA_SETUP, new MfaSetupChallenge(users, challengeSessions, completion));
  }

  /**
   * The challenge Sessions, for operations that take a Session outside the flow table (software
   * tokens).
   */
  public ChallengeSessions challengeSessions(SecureRandom random) {
    return new ChallengeSessions(sessions, random);
  }

  /** USER_AUTH's passkey factor over the users' registered passkeys. */
  public PasskeySignIn passkeySignIn(SecureRandom random) {
    return new PasskeySignIn(passkeys, new PasskeyCeremonies(), random);
  }

  /** StartWebAuthnRegistration's challenges, kept beside the challenge Sessions. */
  public RegistrationChallenges registrationChallenges(SecureRandom random) {
    return new RegistrationChallenges(sessions, random);
  }

  /** Users' TOTP authenticators, secrets sealed with this deployment's key. */
  public SoftwareTokens softwareTokens(UserAccounts users, SecureRandom random) {
    return new SoftwareTokens(users, new SoftwareTokenSecrets(deploymentKeys, random), random);
  }
}
