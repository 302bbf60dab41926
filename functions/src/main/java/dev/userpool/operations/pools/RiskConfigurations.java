package dev.userpool.operations.pools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.authevents.ThreatProtection;
import dev.userpool.domain.UserPool;
import dev.userpool.protocol.Json;
import java.util.Map;

/**
 * Threat-protection risk configurations, kept in the pool's settings under a hidden key: one for
 * the pool and one per app client that has its own. A client without one is answered with the
 * pool's (API reference, DescribeRiskConfiguration: the client's, else the pool's). Userpool does
 * no risk scoring; the IP ranges act at sign-in (see {@link
 * dev.userpool.authevents.AuditedSignIns}).
 */
final class RiskConfigurations {
  static final String KEY = ThreatProtection.RISK_CONFIGURATIONS_KEY;
  static final String POOL_LEVEL = ThreatProtection.POOL_LEVEL;

  private RiskConfigurations() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> all(UserPool pool) {
    return pool.settings().get(KEY) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** RiskConfigurationType for the client (or the pool when {@code clientId} is null). */
  @SuppressWarnings("unchecked")
  static ObjectNode render(UserPool pool, String clientId) {
    Map<String, Object> all = all(pool);
    Object stored =
        clientId != null && all.containsKey(clientId) ? all.get(clientId) : all.get(POOL_LEVEL);
    ObjectNode configuration = Json.object();
    configuration.put("UserPoolId", pool.id());
    if (stored instanceof Map<?, ?> m) {
      boolean own = clientId != null && all.containsKey(clientId);
      if (own) {
        configuration.put("ClientId", clientId);
      }
      ((Map<String, Object>) m).forEach((k, v) -> configuration.set(k, Json.tree(v)));
    } else if (clientId != null) {
      configuration.put("ClientId", clientId);
    }
    ObjectNode out = Json.object();
    out.set("RiskConfiguration", configuration);
    return out;
  }
}
