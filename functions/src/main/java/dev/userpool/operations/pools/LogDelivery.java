package dev.userpool.operations.pools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.UserPool;
import dev.userpool.protocol.Json;
import java.util.List;
import java.util.Map;

/**
 * A pool's log delivery configuration, kept in its settings under a hidden key (UpdateUserPool
 * carries hidden settings over). Userpool stores and returns it; it exports no logs (documented
 * gap).
 */
final class LogDelivery {
  static final String KEY = "_LogDeliveryConfiguration";

  private LogDelivery() {}

  /** LogDeliveryConfigurationType; a pool never configured has an empty LogConfigurations list. */
  static ObjectNode render(UserPool pool) {
    ObjectNode configuration = Json.object();
    configuration.put("UserPoolId", pool.id());
    ArrayNode list = configuration.putArray("LogConfigurations");
    if (pool.settings().get(KEY) instanceof List<?> stored) {
      for (Object entry : stored) {
        list.add(Json.tree(entry));
      }
    }
    ObjectNode out = Json.object();
    out.set("LogDeliveryConfiguration", configuration);
    return out;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> stored(UserPool pool) {
    return pool.settings().get(KEY) instanceof List<?> l
        ? (List<Map<String, Object>>) l
        : List.of();
  }
}
