package dev.userpool.protocol;

import java.time.Instant;

/**
 * What an operation may know about the call besides its input: the request id, the region the
 * caller addressed (from the SigV4 credential scope, else the configured default), the account, the
 * time the request arrived, and the URL the request reached ({@link ApiRequest#baseUrl()}; null
 * when unknown), which is the default token issuer base (see {@link
 * dev.userpool.tokens.IssuerResolver}).
 */
public record OperationContext(
    String requestId,
    String region,
    String accountId,
    Instant now,
    String sourceIp,
    String baseUrl) {

  public OperationContext(
      String requestId, String region, String accountId, Instant now, String sourceIp) {
    this(requestId, region, accountId, now, sourceIp, null);
  }
}
