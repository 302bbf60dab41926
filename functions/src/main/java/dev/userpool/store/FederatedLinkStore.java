package dev.userpool.store;

import dev.userpool.domain.FederatedLink;
import java.util.Optional;

/** The links from an external identity (provider name and subject) to a user of the pool. */
public interface FederatedLinkStore {
  /** Stores the link; false (nothing written) when that identity is already linked. */
  boolean create(FederatedLink link);

  Optional<FederatedLink> find(String poolId, String providerName, String subject);

  /** Removes the link; a link already gone is not an error. */
  void delete(String poolId, String providerName, String subject);
}
