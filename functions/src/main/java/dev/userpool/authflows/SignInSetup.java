package dev.userpool.authflows;

import dev.userpool.store.ChallengeSessionStore;
import dev.userpool.store.DeploymentKeyStore;
import dev.userpool.store.RefreshTokenStore;
import dev.userpool.store.UserGroupsSource;
import dev.userpool.tokens.Tokens;
import java.security.SecureRandom;

/**
 * What the sign-in flows are built from besides users and tokens: their stores and the seams, {@link
 * AuthenticationHooks} (triggers), {@link UserGroupsSource} (the user's groups, for {@code cognito:groups}),
 * {@link SourcePasswords} (imported users' first passwords) and {@link MfaCodes} (SMS and email sign-in codes),
 * no-ops unless set with {@link #withHooks} / {@link #withGroups} / {@link #withSourcePasswords} /
 * {@link #withMfaCodes}.
 */
public record SignInSetup(
    ChallengeSessionStore sessions,
    RefreshTokenStore refreshTokens,
    DeploymentKeyStore deploymentKeys,
    AuthenticationHooks hooks,
    UserGroupsSource groups,
    SourcePasswords sourcePasswords,
    MfaCodes mfaCodes) {

  public SignInSetup(ChallengeSessionStore sessions, RefreshTokenStore refreshTokens, DeploymentKeyStore keys) {
    this(sessions, refreshTokens, keys, AuthenticationHooks.NONE, UserGroupsSource.NONE, SourcePasswords.NONE,
        MfaCodes.NONE);
  }

  public SignInSetup(ChallengeSessionStore sessions, RefreshTokenStore refreshTokens, DeploymentKeyStore keys,
      AuthenticationHooks hooks, UserGroupsSource groups, SourcePasswords sourcePasswords) {
    this(sessions, refreshTokens, keys, hooks, groups, sourcePasswords, MfaCodes.NONE);
  }

  public SignInSetup withHooks(AuthenticationHooks newHooks) {
    return new SignInSetup(sessions, refreshTokens, deploymentKeys, newHooks, groups, sourcePasswords, mfaCodes);
  }

  public SignInSetup withGroups(UserGroupsSource newGroups) {
    return new SignInSetup(sessions, refreshTokens, deploymentKeys, hooks, newGroups, sourcePasswords, mfaCodes);
  }

  /** Where imported users' passwords are checked on their first sign-in (see {@link ImportedUserPasswords}). */
  public SignInSetup withSourcePasswords(SourcePasswords newSource) {
    return new SignInSetup(sessions, refreshTokens, deploymentKeys, hooks, groups, newSource, mfaCodes);
  }

  /** The channel of SMS and email sign-in codes. */
  public SignInSetup withMfaCodes(MfaCodes newCodes) {
    return new SignInSetup(sessions, refreshTokens, deploymentKeys, hooks, groups, sourcePasswords, newCodes);
  }

  /** GetTokensFromRefreshToken's exchange, over the same stores, hooks and groups as the flows. */
  public RefreshTokenExchange refreshTokenExchange(UserAccounts users, Tokens tokens, SecureRandom random) {
    return new RefreshTokenExchange(refreshTokens, users,
        new TokenMint(tokens.issuer(), tokens.issuers(), refreshTokens, groups, hooks, random));
  }

  /** The parts of the flows the OAuth endpoints use (see {@link OAuthSignIn}). */
  public OAuthSignIn oauth(UserAccounts users, Tokens tokens, SecureRandom random) {
    TokenMint mint = new TokenMint(tokens.issuer(), tokens.issuers(), refreshTokens, groups, hooks, random);
    ChallengeSessions challengeSessions = new ChallengeSessions(sessions, random);
    SignInCompletion completion = new SignInCompletion(challengeSessions, mint, hooks);
    return new OAuthSignIn(new PasswordAuthFlow(users, new AccountProtection(users), completion, hooks,
            new ImportedUserPasswords(sourcePasswords, users, random)),
        challengeSessions, new NewPasswordRequiredChallenge(users, challengeSessions, completion, random),
        new RefreshTokenExchange(refreshTokens, users, mint), mint, hooks, new MfaStage(challengeSessions, mfaCodes));
  }

  /** The flow table: one line per AuthFlow (with the ExplicitAuthFlows flag it needs) and per challenge. */
  public AuthFlows flows(UserAccounts users, Tokens tokens, SecureRandom random) {
    return flows(users, tokens, random, AccountProtection.FREE_ATTEMPTS);
  }

  /** {@code signInAttempts}: wrong passwords before the lockout starts ({@code Limits}; 0 = never locked). */
  public AuthFlows flows(UserAccounts users, Tokens tokens, SecureRandom random, int signInAttempts) {
    AccountProtection protection = new AccountProtection(users, signInAttempts);
    ChallengeSessions challengeSessions = new ChallengeSessions(sessions, random);
    TokenMint mint = new TokenMint(tokens.issuer(), tokens.issuers(), refreshTokens, groups, hooks, random);
    MfaStage mfa = new MfaStage(challengeSessions, mfaCodes);
    SignInCompletion completion = new SignInCompletion(challengeSessions, mint, hooks, mfa);
    SoftwareTokens softwareTokens = softwareTokens(users, random);
    SecretBlocks blocks = new SecretBlocks(deploymentKeys, random);
    PasswordAuthFlow password = new PasswordAuthFlow(users, protection, completion, hooks,
        new ImportedUserPasswords(sourcePasswords, users, random));
    RefreshTokenFlow refresh = new RefreshTokenFlow(new RefreshTokenExchange(refreshTokens, users, mint), mint);
    return new AuthFlows()
        .flow("USER_PASSWORD_AUTH", "ALLOW_USER_PASSWORD_AUTH", false, password)
        .flow("ADMIN_USER_PASSWORD_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", true, password)
        .flow("ADMIN_NO_SRP_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", true, password)
        .flow("USER_SRP_AUTH", "ALLOW_USER_SRP_AUTH", false,
            new SrpAuthFlow(users, protection, blocks, deploymentKeys, random))
        .flow("REFRESH_TOKEN_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", false, refresh)
        .flow("REFRESH_TOKEN", "ALLOW_REFRESH_TOKEN_AUTH", false, refresh)
        .challenge("PASSWORD_VERIFIER", new PasswordVerifierChallenge(users, protection, blocks, completion, hooks))
        .challenge("NEW_PASSWORD_REQUIRED",
            new NewPasswordRequiredChallenge(users, challengeSessions, completion, random))
        .challenge(PoolMfa.SOFTWARE_TOKEN_MFA,
            new SoftwareTokenMfaChallenge(users, challengeSessions, protection, softwareTokens, completion))
        .challenge(PoolMfa.SMS_MFA,
            MfaCodeChallenge.sms(users, challengeSessions, protection, mfaCodes, completion))
        .challenge(PoolMfa.EMAIL_OTP,
            MfaCodeChallenge.email(users, challengeSessions, protection, mfaCodes, completion))
        .challenge(MfaStage.SELECT_MFA_TYPE, new SelectMfaTypeChallenge(users, challengeSessions, mfa))
        .challenge(MfaStage.MFA_SETUP, new MfaSetupChallenge(users, challengeSessions, completion));
  }

  /** The challenge Sessions, for operations that take a Session outside the flow table (software tokens). */
  public ChallengeSessions challengeSessions(SecureRandom random) {
    return new ChallengeSessions(sessions, random);
  }

  /** Users' TOTP authenticators, secrets sealed with this deployment's key. */
  public SoftwareTokens softwareTokens(UserAccounts users, SecureRandom random) {
    return new SoftwareTokens(users, new SoftwareTokenSecrets(deploymentKeys, random), random);
  }
}
