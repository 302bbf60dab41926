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

/**
 * Cognito UpdateUserPoolDomain: a custom domain's certificate, or either domain's managed login
 * version. A prefix domain cannot take a certificate (message guessed).
 */
public final class UpdateUserPoolDomain implements Operation {
  private final Lookups lookups;
  private final DomainStore domains;

  public UpdateUserPoolDomain(Lookups lookups, DomainStore domains) {
    this.lookups = lookups;
    this.domains = domains;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    UserPool pool = lookups.pool(in.string("UserPoolId"));
    String certificateArn =
        in.optNode("CustomDomainConfig")
            .map(c -> c.path("CertificateArn").asText(null))
            .orElse(null);
    PoolDomain saved =
        Retries.onStaleWrite(
            () -> {
              PoolDomain current = PoolDomains.ofPool(domains, pool, in.string("Domain"));
              if (!current.custom() && certificateArn != null) {
                throw ErrorCode.INVALID_PARAMETER.exception(
                    "A prefix domain does not take a certificate.");
              }
              return domains.update(
                  current,
                  current.with(
                      current.custom() && certificateArn != null
                          ? certificateArn
                          : current.certificateArn(),
                      in.optInt("ManagedLoginVersion").orElse(current.managedLoginVersion())));
            });
    ObjectNode out = Json.object();
    out.put("ManagedLoginVersion", saved.managedLoginVersion());
    if (saved.custom()) {
      out.put("CloudFrontDomain", PoolDomains.cloudFrontDomain(saved.domain()));
    }
    return out;
  }
}
