package dev.userpool.operations.domains;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.DomainStore;

/**
 * Cognito DescribeUserPoolDomain. An unknown domain is not an error: Cognito answers an empty
 * DomainDescription (the behaviour Terraform's aws_cognito_user_pool_domain relies on to detect a
 * deleted domain).
 */
public final class DescribeUserPoolDomain implements Operation {
  private final DomainStore domains;

  public DescribeUserPoolDomain(DomainStore domains) {
    this.domains = domains;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    ObjectNode out = Json.object();
    out.set(
        "DomainDescription",
        domains
            .find(in.string("Domain"))
            .<JsonNode>map(d -> PoolDomains.description(d, ctx.accountId()))
            .orElseGet(Json::object));
    return out;
  }
}
