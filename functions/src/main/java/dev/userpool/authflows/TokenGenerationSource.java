package dev.userpool.authflows;

/** Why tokens are being issued, as Pre Token Generation's triggerSource names it (sources §5.1). */
public enum TokenGenerationSource {
  AUTHENTICATION("TokenGeneration_Authentication"),
  NEW_PASSWORD_CHALLENGE("TokenGeneration_NewPasswordChallenge"),
  REFRESH_TOKENS("TokenGeneration_RefreshTokens");

  private final String triggerSource;

  TokenGenerationSource(String triggerSource) {
    this.triggerSource = triggerSource;
  }

  public String triggerSource() {
    return triggerSource;
  }
}
