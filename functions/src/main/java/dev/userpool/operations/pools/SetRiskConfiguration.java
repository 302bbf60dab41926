package dev.userpool.operations.pools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.Retries;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.UserPoolStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cognito SetRiskConfiguration: replaces the risk configuration of the pool, or of one app client
 * when ClientId is given (compromised credentials, account takeover actions, risk exception IP
 * ranges). IP ranges must be CIDR blocks (InvalidParameterException; message ours). The IP ranges
 * act at sign-in (see {@link dev.userpool.authevents.AuditedSignIns}); the rest is stored and
 * returned.
 */
public final class SetRiskConfiguration implements Operation {
  private static final List<String> MEMBERS =
      List.of(
          "CompromisedCredentialsRiskConfiguration",
          "AccountTakeoverRiskConfiguration",
          "RiskExceptionConfiguration");
  private static final Pattern IPV4_CIDR =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)/(3[0-2]|[12]?\\d)");

  private final Lookups lookups;
  private final UserPoolStore pools;

  public SetRiskConfiguration(Lookups lookups, UserPoolStore pools) {
    this.lookups = lookups;
    this.pools = pools;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    String clientId =
        in.optString("ClientId").map(id -> lookups.client(pool.id(), id).clientId()).orElse(null);
    Map<String, Object> configuration = new LinkedHashMap<>();
    for (String member : MEMBERS) {
      in.optNode(member).ifPresent(n -> configuration.put(member, Json.toMap(n)));
    }
    in.optNode("RiskExceptionConfiguration").ifPresent(SetRiskConfiguration::requireCidrs);
    configuration.put("LastModifiedDate", Json.epochSeconds(ctx.now()));
    UserPool saved =
        Retries.onStaleWrite(
            () -> {
              UserPool current = lookups.pool(pool.id());
              Map<String, Object> all = new LinkedHashMap<>(RiskConfigurations.all(current));
              all.put(clientId == null ? RiskConfigurations.POOL_LEVEL : clientId, configuration);
              Map<String, Object> settings = new LinkedHashMap<>(current.settings());
              settings.put(RiskConfigurations.KEY, all);
              return pools.update(current.withSettings(settings, current.lastModifiedDate()));
            });
    return RiskConfigurations.render(saved, clientId);
  }

  private static void requireCidrs(JsonNode exceptions) {
    for (String list : List.of("BlockedIPRangeList", "SkippedIPRangeList")) {
      for (JsonNode range : exceptions.path(list)) {
        String text = range.asText();
        if (!IPV4_CIDR.matcher(text).matches() && !isIpv6Cidr(text)) {
          throw ErrorCode.INVALID_PARAMETER.exception(
              text + " in " + list + " is not a valid CIDR block.");
        }
      }
    }
  }

  private static boolean isIpv6Cidr(String text) {
    int slash = text.indexOf('/');
    if (slash < 0 || !text.substring(0, slash).contains(":")) {
      return false;
    }
    try {
      int bits = Integer.parseInt(text.substring(slash + 1));
      java.net.InetAddress.getByName(text.substring(0, slash)); // a literal: no lookup is made
      return bits >= 0 && bits <= 128;
    } catch (Exception e) {
      return false;
    }
  }
}
