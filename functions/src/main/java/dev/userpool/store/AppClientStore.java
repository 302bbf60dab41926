package dev.userpool.store;

import dev.userpool.domain.AppClient;
import dev.userpool.domain.Page;
import java.util.Optional;

/**
 * App clients, by pool and client id, and by client id alone (sign-in requests carry only the
 * client id).
 */
public interface AppClientStore {
  void create(AppClient client);

  Optional<AppClient> find(String poolId, String clientId);

  Optional<AppClient> findByClientId(String clientId);

  AppClient update(AppClient client);

  void delete(AppClient client);

  Page<AppClient> list(String poolId, int limit, String nextToken);
}
