package dev.userpool.store;

import dev.userpool.domain.UiCustomization;
import java.util.Optional;

/** UI customizations by pool and client id ({@link UiCustomization#ALL} for the pool-wide one). */
public interface UiCustomizationStore {
  /** Stores (replaces) the customization of its pool and client. */
  void put(UiCustomization customization);

  Optional<UiCustomization> find(String poolId, String clientId);

  /** Removes the customization of one client (its client was deleted); absent is not an error. */
  void delete(String poolId, String clientId);
}
