package dev.userpool.operations.domains;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userpool.domain.PoolDomain;
import dev.userpool.domain.UserPool;
import dev.userpool.operations.Lookups;
import dev.userpool.operations.Retries;
import dev.userpool.protocol.Input;
import dev.userpool.protocol.Json;
import dev.userpool.protocol.Operation;
import dev.userpool.protocol.OperationContext;
import dev.userpool.store.DomainStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cognito DeleteUserPoolDomain: releases the name and removes it from the pool's Domain /
 * CustomDomain.
 */
public final class DeleteUserPoolDomain implements Operation {
  private final Lookups lookups;
  private final DomainStore domains;

  public DeleteUserPoolDomain(Lookups lookups, DomainStore domains) {
    this.lookups = lookups;
    this.domains = domains;
  }

  @Override
  public JsonNode handle(Input in, OperationContext ctx) {
    lookups.pool(in.string("UserPoolId"));
    Retries.onStaleWrite(
        () -> {
          UserPool pool = lookups.pool(in.string("UserPoolId"));
          PoolDomain domain = PoolDomains.ofPool(domains, pool, in.string("Domain"));
          Map<String, Object> settings = new LinkedHashMap<>(pool.settings());
          settings.remove(domain.poolMember());
          domains.delete(domain, pool, pool.withSettings(settings, ctx.now()));
          return null;
        });
    return Json.object();
  }
}
