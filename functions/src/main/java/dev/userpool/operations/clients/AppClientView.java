package dev.userpool.operations.clients;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.AppClient;
import dev.userpool.protocol.Json;
import java.util.Map;

/** Renders an app client as UserPoolClientType or as a UserPoolClientDescription (list item). */
public final class AppClientView {
  private AppClientView() {}

  /** UserPoolClientType, secret included (Create/Describe/UpdateUserPoolClient return it). */
  public static ObjectNode full(AppClient client) {
    ObjectNode o = Json.object();
    o.put("UserPoolId", client.userPoolId());
    o.put("ClientName", client.clientName());
    o.put("ClientId", client.clientId());
    if (client.hasSecret()) {
      o.put("ClientSecret", client.clientSecret());
    }
    o.put("LastModifiedDate", Json.epochSeconds(client.lastModifiedDate()));
    o.put("CreationDate", Json.epochSeconds(client.creationDate()));
    for (Map.Entry<String, Object> e : client.settings().entrySet()) {
      if (!e.getKey().startsWith("_") && e.getValue() != null) {
        o.set(e.getKey(), Json.tree(e.getValue()));
      }
    }
    return o;
  }

  /** UserPoolClientDescription. */
  public static ObjectNode summary(AppClient client) {
    ObjectNode o = Json.object();
    o.put("ClientId", client.clientId());
    o.put("UserPoolId", client.userPoolId());
    o.put("ClientName", client.clientName());
    return o;
  }
}
