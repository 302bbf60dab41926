package dev.userpool.store;

import dev.userpool.domain.ManagedLoginBranding;
import java.util.Optional;

/** Managed login branding styles by pool and id, and by the one app client each is assigned to. */
public interface ManagedLoginBrandingStore {
  /** Throws {@link ClientSlotTakenException} when the client already has a style. */
  void create(ManagedLoginBranding branding);

  Optional<ManagedLoginBranding> find(String poolId, String brandingId);

  Optional<ManagedLoginBranding> findByClient(String poolId, String clientId);

  /** Throws {@link StaleWriteException} when the style changed since it was read. */
  ManagedLoginBranding update(ManagedLoginBranding branding);

  void delete(ManagedLoginBranding branding);
}
