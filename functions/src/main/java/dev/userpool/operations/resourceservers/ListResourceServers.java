package dev.userpool.operations.resourceservers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.Page;
import dev.userpool.domain.ResourceServer;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.ResourceServerStore;

/**
 * Cognito ListResourceServers: pages of up to MaxResults (model: 1–50; 50 when omitted) in
 * identifier order.
 */
public final class ListResourceServers implements Operation {
  private final Lookups lookups;
  private final ResourceServerStore servers;

  public ListResourceServers(Lookups lookups, ResourceServerStore servers) {
    this.lookups = lookups;
    this.servers = servers;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    Page<ResourceServer> page =
        servers.list(
            pool.id(), in.optInt("MaxResults").orElse(50), in.optString("NextToken").orElse(null));
    ObjectNode out = Json.object();
    ArrayNode list = out.putArray("ResourceServers");
    page.items().forEach(s -> list.add(ResourceServerView.of(s)));
    if (page.nextToken() != null) {
      out.put("NextToken", page.nextToken());
    }
    return out;
  }
}
