package dev.userpool.operations.self;

import dev.userpool.authflows.ClientAuthSettings;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import java.util.Collection;
import java.util.List;

/**
 * Which attributes a signed-in user may write through the app client its token names: the client's
 * WriteAttributes (all when empty), never developer-only ones ({@code dev:}), which only
 * administrators write.
 */
final class WritableAttributes {
  private WritableAttributes() {}

  /**
   * NotAuthorizedException "A client attempted to write unauthorized attribute" (observed,
   * aws-sdk-js#1319).
   */
  static void require(Lookups lookups, SignedInUser who, Collection<String> names) {
    List<String> writable =
        new ClientAuthSettings(lookups.client(who.pool().id(), who.token().clientId()))
            .writeAttributes();
    for (String name : names) {
      if (name.startsWith("dev:") || !writable.isEmpty() && !writable.contains(name)) {
        throw ErrorCode.NOT_AUTHORIZED.exception(
            "A client attempted to write unauthorized attribute");
      }
    }
  }
}
