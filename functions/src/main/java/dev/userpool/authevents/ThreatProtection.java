package dev.userpool.authevents;

import dev.userpool.domain.UserPool;
import java.util.List;
import java.util.Map;

/**
 * A pool's threat protection as its settings say: UserPoolAddOns.AdvancedSecurityMode (OFF, AUDIT
 * or ENFORCED) and the RiskExceptionConfiguration that SetRiskConfiguration stored for the pool or
 * for one app client (the client's replaces the pool's, as DescribeRiskConfiguration answers).
 */
public final class ThreatProtection {
  /** The pool setting SetRiskConfiguration writes: a map from client id (or "*") to its config. */
  public static final String RISK_CONFIGURATIONS_KEY = "_RiskConfigurations";

  public static final String POOL_LEVEL = "*";

  private ThreatProtection() {}

  public static String mode(UserPool pool) {
    if (pool.settings().get("UserPoolAddOns") instanceof Map<?, ?> addOns
        && addOns.get("AdvancedSecurityMode") instanceof String mode) {
      return mode;
    }
    return "OFF";
  }

  /** AUDIT and ENFORCED both record auth events (developer guide, threat protection). */
  public static boolean recordsEvents(UserPool pool) {
    String mode = mode(pool);
    return "AUDIT".equals(mode) || "ENFORCED".equals(mode);
  }

  /** Only ENFORCED acts on a decision; AUDIT records what it would have done. */
  public static boolean enforces(UserPool pool) {
    return "ENFORCED".equals(mode(pool));
  }

  /** BlockedIPRangeList of the client's risk configuration, else the pool's. */
  public static List<String> blockedRanges(UserPool pool, String clientId) {
    return ranges(pool, clientId, "BlockedIPRangeList");
  }

  /** SkippedIPRangeList of the client's risk configuration, else the pool's. */
  public static List<String> skippedRanges(UserPool pool, String clientId) {
    return ranges(pool, clientId, "SkippedIPRangeList");
  }

  private static List<String> ranges(UserPool pool, String clientId, String list) {
    if (!(pool.settings().get(RISK_CONFIGURATIONS_KEY) instanceof Map<?, ?> all)) {
      return List.of();
    }
    Object configuration =
        clientId != null && all.containsKey(clientId) ? all.get(clientId) : all.get(POOL_LEVEL);
    if (configuration instanceof Map<?, ?> c
        && c.get("RiskExceptionConfiguration") instanceof Map<?, ?> exceptions
        && exceptions.get(list) instanceof List<?> ranges) {
      return ranges.stream().map(String::valueOf).toList();
    }
    return List.of();
  }
}
