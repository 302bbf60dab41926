package dev.userpool.domain;

import java.util.List;

/**
 * An OAuth resource server of a pool: its identifier (the prefix of its scopes, {@code
 * <identifier>/<scope>}), a name and its scopes.
 */
public record ResourceServer(
    String userPoolId, String identifier, String name, List<Scope> scopes, long version) {

  /** One custom scope: name and description, both required by the service model. */
  public record Scope(String name, String description) {}

  public ResourceServer {
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  /** The full names of its scopes as clients request them: {@code <identifier>/<scope name>}. */
  public List<String> scopeNames() {
    return scopes.stream().map(s -> identifier + "/" + s.name()).toList();
  }

  public ResourceServer withVersion(long newVersion) {
    return new ResourceServer(userPoolId, identifier, name, scopes, newVersion);
  }
}
