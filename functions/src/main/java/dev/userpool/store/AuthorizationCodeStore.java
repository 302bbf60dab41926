package dev.userpool.store;

import dev.userpool.domain.AuthorizationCode;
import java.util.Optional;

/**
 * OAuth authorization codes by hash; each can be taken out exactly once, and none after it expires.
 */
public interface AuthorizationCodeStore {
  void create(AuthorizationCode code);

  /**
   * Removes and returns the code. Of concurrent callers at most one gets it; an expired or unknown
   * code is empty.
   */
  Optional<AuthorizationCode> consume(String poolId, String codeHash);
}
