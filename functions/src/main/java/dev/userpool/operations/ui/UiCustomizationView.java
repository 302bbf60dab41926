package dev.userpool.operations.ui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.UiCustomization;
import dev.userpool.protocol.Json;

/**
 * UICustomizationType as GetUICustomization and SetUICustomization answer it. ImageUrl is absent:
 * Cognito answers a URL of its own CDN, which has no counterpart here. CSSVersion is the last
 * modification in epoch milliseconds (Cognito's format unconfirmed; it changes whenever the CSS may
 * have changed).
 */
final class UiCustomizationView {
  private UiCustomizationView() {}

  static ObjectNode wrapped(UiCustomization c) {
    ObjectNode o = Json.object();
    o.put("UserPoolId", c.userPoolId());
    o.put("ClientId", c.clientId());
    if (c.css() != null) {
      o.put("CSS", c.css());
      o.put("CSSVersion", Long.toString(c.lastModifiedDate().toEpochMilli()));
    }
    o.put("LastModifiedDate", Json.epochSeconds(c.lastModifiedDate()));
    o.put("CreationDate", Json.epochSeconds(c.creationDate()));
    ObjectNode out = Json.object();
    out.set("UICustomization", o);
    return out;
  }

  /** The customization of a pool that has none: only UserPoolId and ClientId (unconfirmed). */
  static ObjectNode empty(String poolId, String clientId) {
    ObjectNode o = Json.object();
    o.put("UserPoolId", poolId);
    o.put("ClientId", clientId);
    ObjectNode out = Json.object();
    out.set("UICustomization", o);
    return out;
  }
}
