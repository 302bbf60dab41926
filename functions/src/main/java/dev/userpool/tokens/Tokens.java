package dev.userpool.tokens;

import dev.userpool.config.AppConfig;
import dev.userpool.store.SigningKeyStore;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The token collaborators operations take from {@code Dependencies}, built once over one key store.
 */
public record Tokens(
    SigningKeys keys, IssuerResolver issuers, TokenIssuer issuer, TokenVerifier verifier) {

  public static Tokens create(
      SigningKeyStore store, AppConfig config, Clock clock, SecureRandom random) {
    SigningKeys keys = new SigningKeys(store, clock);
    IssuerResolver issuers = IssuerResolver.of(config);
    return new Tokens(
        keys, issuers, new TokenIssuer(keys, random), new TokenVerifier(keys, issuers, clock));
  }
}
