package dev.userpool.tokens;

/** The {@code token_use} claim (sources §6.3, §6.4). */
public enum TokenUse {
  ID("id"),
  ACCESS("access");

  private final String claim;

  TokenUse(String claim) {
    this.claim = claim;
  }

  public String claim() {
    return claim;
  }
}
