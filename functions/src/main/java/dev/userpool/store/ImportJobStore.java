package dev.userpool.store;

import dev.userpool.domain.Page;
import dev.userpool.domain.UserImportJob;
import java.util.Optional;

/**
 * User import jobs of a pool; every change is a versioned replace, so a stop and a runner never
 * lose a write.
 */
public interface ImportJobStore {
  void create(UserImportJob job);

  Optional<UserImportJob> find(String poolId, String jobId);

  /**
   * Throws {@link StaleWriteException} when the stored version is no longer {@code
   * before.version()}.
   */
  UserImportJob update(UserImportJob before, UserImportJob after);

  Page<UserImportJob> list(String poolId, int limit, String paginationToken);
}
