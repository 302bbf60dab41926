package dev.userpool.authflows;

import dev.userpool.store.ChallengeSessionStore;
import dev.userpool.store.DeploymentKeyStore;
import dev.userpool.store.RefreshTokenStore;
import dev.userpool.store.UserGroupsSource;
import dev.userpool.tokens.Tokens;
import java.security.SecureRandom;

/**
 * What the sign-in flows are built from besides users and tokens: their stores and the two seams, {@link
 * AuthenticationHooks} (triggers) and {@link UserGroupsSource} (the user's groups, for {@code cognito:groups}), both
 * no-ops unless the wiring sets them with {@link #withHooks} / {@link #withGroups}.
 */
public record SignInSetup(
    ChallengeSessionStore sessions,
    RefreshTokenStore refreshTokens,
    DeploymentKeyStore deploymentKeys,
    AuthenticationHooks hooks,
    UserGroupsSource groups) {

  public SignInSetup(ChallengeSessionStore sessions, RefreshTokenStore refreshTokens, DeploymentKeyStore keys) {
    this(sessions, refreshTokens, keys, AuthenticationHooks.NONE, UserGroupsSource.NONE);
  }

  public SignInSetup withHooks(AuthenticationHooks newHooks) {
    return new SignInSetup(sessions, refreshTokens, deploymentKeys, newHooks, groups);
  }

  public SignInSetup withGroups(UserGroupsSource newGroups) {
    return new SignInSetup(sessions, refreshTokens, deploymentKeys, hooks, newGroups);
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
    SignInCompletion completion = new SignInCompletion(challengeSessions, mint, hooks);
    SecretBlocks blocks = new SecretBlocks(deploymentKeys, random);
    PasswordAuthFlow password = new PasswordAuthFlow(users, protection, completion, hooks);
    RefreshTokenFlow refresh = new RefreshTokenFlow(refreshTokens, users, mint);
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
            new NewPasswordRequiredChallenge(users, challengeSessions, completion, random));
  }
}
