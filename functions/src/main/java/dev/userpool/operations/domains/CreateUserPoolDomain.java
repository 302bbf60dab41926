package dev.userpool.operations.domains;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.domain.PoolDomain;
import dev.userpool.domain.UserPool;
import dev.userpool.errors.ErrorCode;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.Retries;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.DomainStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Cognito CreateUserPoolDomain: a prefix domain, or with CustomDomainConfig a custom domain
 * recorded with its certificate ARN. A pool has at most one of each; a name belongs to one pool in
 * the whole deployment. The pool's Domain / CustomDomain member names it from then on
 * (DescribeUserPool).
 */
public final class CreateUserPoolDomain implements Operation {
  /** The model's DomainType pattern, which Cognito applies to prefix domains only. */
  static final Pattern PREFIX = Pattern.compile("^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$");

  private final Lookups lookups;
  private final DomainStore domains;

  public CreateUserPoolDomain(Lookups lookups, DomainStore domains) {
    this.lookups = lookups;
    this.domains = domains;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    String name = in.string("Domain");
    String certificateArn =
        in.optNode("CustomDomainConfig")
            .map(c -> c.path("CertificateArn").asText(null))
            .orElse(null);
    if (certificateArn == null && !PREFIX.matcher(name).matches()) {
      // Cognito's text (observed, mineiros-io/terraform-aws-cognito-user-pool#69)
      throw ErrorCode.INVALID_PARAMETER.exception(
          "The domain name contains an invalid character. Domain names can "
              + "only contain lower-case letters, numbers, and hyphens. Please enter a different name that follows "
              + "this format: ^[a-z0-9](?:[a-z0-9\\-]{0,61}[a-z0-9])?$");
    }
    Integer managedLogin = in.optInt("ManagedLoginVersion").orElse(1);
    lookups.pool(in.string("UserPoolId"));
    PoolDomain domain =
        Retries.onStaleWrite(
            () -> {
              UserPool pool = lookups.pool(in.string("UserPoolId"));
              PoolDomain d =
                  new PoolDomain(name, pool.id(), certificateArn, managedLogin, ctx.now(), 0);
              if (pool.settings().get(d.poolMember()) != null) {
                // wording guessed (aws-samples/websocket-chat-application#29 quotes only a
                // paraphrase)
                throw ErrorCode.INVALID_PARAMETER.exception(
                    "User pool already has a domain configured.");
              }
              Map<String, Object> settings = new LinkedHashMap<>(pool.settings());
              settings.put(d.poolMember(), name);
              if (!domains.create(d, pool, pool.withSettings(settings, ctx.now()))) {
                // Cognito's text (observed, e.g. aws-samples/aws-cdk-examples#402)
                throw ErrorCode.INVALID_PARAMETER.exception(
                    "Domain already associated with another user pool.");
              }
              return d;
            });
    ObjectNode out = Json.object();
    out.put("ManagedLoginVersion", domain.managedLoginVersion());
    if (domain.custom()) {
      out.put("CloudFrontDomain", PoolDomains.cloudFrontDomain(domain.domain()));
    }
    return out;
  }
}
