package dev.userpool.crypto;

import dev.userpool.domain.AppClient;
import dev.userpool.domain.ClientSecret;

/**
 * Checks what a caller proves about an app client's secret against every active secret of the
 * client: during a rotation (AddUserPoolClientSecret) both secrets are valid until one is deleted.
 * Every secret is compared, in constant time, so the answer's timing says nothing about which one
 * matched.
 */
public final class ClientSecretCheck {
  private ClientSecretCheck() {}

  /**
   * Whether {@code given} is one of the client's secrets (ClientSecret members,
   * client_secret_basic/post).
   */
  public static boolean acceptsSecret(AppClient client, String given) {
    boolean match = false;
    for (ClientSecret secret : client.secrets()) {
      match |= ConstantTime.equals(secret.value(), given == null ? "" : given);
    }
    return match;
  }

  /**
   * Whether {@code given} is the SECRET_HASH of {@code username} under one of the client's secrets.
   */
  public static boolean acceptsSecretHash(AppClient client, String username, String given) {
    boolean match = false;
    for (ClientSecret secret : client.secrets()) {
      match |= SecretHash.matches(secret.value(), username, client.clientId(), given);
    }
    return match;
  }
}
