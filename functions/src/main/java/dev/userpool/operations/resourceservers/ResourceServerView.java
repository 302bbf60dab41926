package dev.userpool.operations.resourceservers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.ResourceServer;
import dev.userpool.errors.ErrorCode;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.store.ResourceServerStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** ResourceServerType rendering, reading Scopes from a request, and the not-found answer. */
final class ResourceServerView {
  private ResourceServerView() {}

  static ObjectNode of(ResourceServer s) {
    ObjectNode o = Json.object();
    o.put("UserPoolId", s.userPoolId());
    o.put("Identifier", s.identifier());
    o.put("Name", s.name());
    ArrayNode scopes = o.putArray("Scopes");
    for (ResourceServer.Scope scope : s.scopes()) {
      scopes
          .addObject()
          .put("ScopeName", scope.name())
          .put("ScopeDescription", scope.description());
    }
    return o;
  }

  static ObjectNode wrapped(ResourceServer s) {
    ObjectNode out = Json.object();
    out.set("ResourceServer", of(s));
    return out;
  }

  /**
   * The request's Scopes (the model checks each member); a scope name given twice is refused
   * (wording guessed).
   */
  static List<ResourceServer.Scope> scopes(Input in) {
    List<ResourceServer.Scope> scopes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonNode scope : in.optNode("Scopes").map(n -> (Iterable<JsonNode>) n).orElse(List.of())) {
      String name = scope.get("ScopeName").asText();
      if (!seen.add(name)) {
        throw ErrorCode.INVALID_PARAMETER.exception(
            "Duplicate scope name " + name + " in the resource server.");
      }
      scopes.add(new ResourceServer.Scope(name, scope.get("ScopeDescription").asText()));
    }
    return scopes;
  }

  /** ResourceNotFoundException for an unknown identifier (wording guessed). */
  static ResourceServer find(ResourceServerStore servers, String poolId, String identifier) {
    return servers
        .find(poolId, identifier)
        .orElseThrow(
            () ->
                ErrorCode.RESOURCE_NOT_FOUND.exception(
                    "Resource server "
                        + identifier
                        + " does not exist in user pool "
                        + poolId
                        + "."));
  }
}
