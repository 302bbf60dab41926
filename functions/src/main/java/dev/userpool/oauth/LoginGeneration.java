package dev.userpool.oauth;

import dev.userpool.domain.PoolDomain;
import dev.userpool.domain.UserPool;
import dev.userpool.store.DomainStore;
import dev.userpool.store.UserPoolStore;
import java.util.Optional;

/**
 * Which generation of hosted pages a pool's domain serves: its ManagedLoginVersion, 1 for the
 * classic hosted UI (SetUICustomization's CSS and logo apply) and 2 for managed login (the client's
 * managed login branding and terms documents apply; developer guide, "User pool managed login").
 * The local server and API Gateway serve every pool at one address, so the pool's prefix domain
 * decides, else its custom domain; a pool without a domain gets the classic UI.
 */
final class LoginGeneration {
  static final int MANAGED_LOGIN = 2;

  private final UserPoolStore pools;
  private final DomainStore domains;

  LoginGeneration(UserPoolStore pools, DomainStore domains) {
    this.pools = pools;
    this.domains = domains;
  }

  boolean managedLogin(String poolId) {
    return poolId != null && version(poolId) == MANAGED_LOGIN;
  }

  private int version(String poolId) {
    Optional<UserPool> pool = pools.find(poolId);
    if (pool.isEmpty()) {
      return 1;
    }
    for (String member : new String[] {"Domain", "CustomDomain"}) {
      Object name = pool.get().settings().get(member);
      if (name instanceof String domain && !domain.isEmpty()) {
        return domains
            .find(domain)
            .filter(d -> d.userPoolId().equals(poolId))
            .map(PoolDomain::managedLoginVersion)
            .orElse(1);
      }
    }
    return 1;
  }
}
