package dev.userpool.protocol;

import java.time.Instant;

/**
 * What an operation may know about the call besides its input: the request id, the region the caller addressed
 * (from the SigV4 credential scope, else the configured default), the account, and the time the request arrived.
 */
public record OperationContext(String requestId, String region, String accountId, Instant now, String sourceIp) {}
