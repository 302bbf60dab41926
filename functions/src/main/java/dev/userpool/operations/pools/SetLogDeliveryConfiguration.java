package dev.userpool.operations.pools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.FeaturePlan;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.Retries;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.UserPoolStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cognito SetLogDeliveryConfiguration: replaces the pool's log configurations. Each entry is
 * checked as the API reference (LogConfigurationType) describes the two event sources: {@code
 * userNotification} logs at ERROR to a CloudWatch Logs group; {@code userAuthEvents} logs at INFO
 * to one of CloudWatch Logs, S3 or Firehose and needs the PLUS feature plan
 * (FeatureUnavailableInTierException). One entry per event source and exactly one destination per
 * entry. Messages are ours. The configuration is stored and returned; no logs are exported.
 */
public final class SetLogDeliveryConfiguration implements Operation {
  private static final List<String> DESTINATIONS =
      List.of("CloudWatchLogsConfiguration", "S3Configuration", "FirehoseConfiguration");

  private final Lookups lookups;
  private final UserPoolStore pools;

  public SetLogDeliveryConfiguration(Lookups lookups, UserPoolStore pools) {
    this.lookups = lookups;
    this.pools = pools;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    List<Map<String, Object>> configurations = new ArrayList<>();
    Set<String> sources = new HashSet<>();
    for (JsonNode entry : in.optNode("LogConfigurations").orElseThrow()) {
      String source = entry.path("EventSource").asText();
      String level = entry.path("LogLevel").asText();
      if (!sources.add(source)) {
        throw ErrorCode.INVALID_PARAMETER.exception(
            "Only one log configuration per EventSource is allowed.");
      }
      List<String> destinations = DESTINATIONS.stream().filter(d -> entry.hasNonNull(d)).toList();
      if (destinations.size() != 1) {
        throw ErrorCode.INVALID_PARAMETER.exception(
            "Each log configuration needs exactly one destination.");
      }
      if (source.equals("userNotification")) {
        if (!level.equals("ERROR") || !destinations.get(0).equals("CloudWatchLogsConfiguration")) {
          throw ErrorCode.INVALID_PARAMETER.exception(
              "userNotification logs are delivered at LogLevel ERROR to CloudWatchLogsConfiguration.");
        }
      } else {
        if (!level.equals("INFO")) {
          throw ErrorCode.INVALID_PARAMETER.exception(
              "userAuthEvents logs are delivered at LogLevel INFO.");
        }
        if (!FeaturePlan.of(pool).atLeast(FeaturePlan.PLUS)) {
          throw ErrorCode.FEATURE_UNAVAILABLE_IN_TIER.exception(
              "userAuthEvents log delivery requires the PLUS feature plan.");
        }
      }
      Map<String, Object> stored = new LinkedHashMap<>();
      stored.put("LogLevel", level);
      stored.put("EventSource", source);
      stored.put(destinations.get(0), Json.toMap(entry.get(destinations.get(0))));
      configurations.add(stored);
    }
    UserPool saved =
        Retries.onStaleWrite(
            () -> {
              UserPool current = lookups.pool(pool.id());
              Map<String, Object> settings = new LinkedHashMap<>(current.settings());
              settings.put(LogDelivery.KEY, configurations);
              return pools.update(current.withSettings(settings, current.lastModifiedDate()));
            });
    return LogDelivery.render(saved);
  }
}
