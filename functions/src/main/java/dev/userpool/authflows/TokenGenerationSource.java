package dev.userpool.authflows;

/** Why tokens are being issued, as Pre Token Generation's triggerSource names it (sources §5.1). */
public enum TokenGenerationSource {
  AUTHENTICATION("TokenGeneration_Authentication"),
  NEW_PASSWORD_CHALLENGE("TokenGeneration_NewPasswordChallenge"),
  REFRESH_TOKENS("TokenGeneration_RefreshTokens"),
  /** Sign-in on the hosted pages, tokens issued by the token endpoint for an authorization code. */
  HOSTED_AUTH("TokenGeneration_HostedAuth");

  private final String triggerSource;

  TokenGenerationSource(String triggerSource) {
    this.triggerSource = triggerSource;
  }

  public String triggerSource() {
    return triggerSource;
  }
}
