package dev.userpool.domain;

import java.time.Instant;

/**
 * One secret of a confidential app client. A client holds at most two at a time
 * (AddUserPoolClientSecret), and every one of them is valid for SECRET_HASH and client
 * authentication until it is deleted. The id has the form {@code <client-id>--<epoch-create-time>}
 * (API reference, ClientSecretDescriptorType); we write the creation time in epoch milliseconds so
 * that two secrets added in the same second get distinct ids.
 */
public record ClientSecret(String id, String value, Instant createdAt) {
  public static ClientSecret of(String clientId, String value, Instant createdAt) {
    return new ClientSecret(clientId + "--" + createdAt.toEpochMilli(), value, createdAt);
  }
}
