package dev.userpool.operations.auth;

import dev.userpool.protocol.Input;
import dev.userpool.protocol.OperationContext;

/**
 * The user's address for an Admin* sign-in step: ContextData.IpAddress, which the server calling
 * Cognito passes on for its user (API reference, ContextDataType), else the caller's own address.
 * Public operations always use the caller's address: UserContextData comes from the very client a
 * blocked range would stop, so it is not trusted for that.
 */
final class ContextDataIp {
  private ContextDataIp() {}

  static String of(Input in, OperationContext ctx) {
    return in.optNode("ContextData")
        .map(n -> n.path("IpAddress").asText(""))
        .filter(ip -> !ip.isBlank())
        .orElse(ctx.sourceIp());
  }
}
