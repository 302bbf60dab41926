package dev.userpool.store;

import dev.userpool.domain.AuthEvent;
import dev.userpool.domain.Page;
import java.util.Optional;

/**
 * A user's auth events, newest first, each kept for the store's retention after its creation (the
 * table's TTL). Updates are version-checked.
 */
public interface AuthEventStore {
  void create(AuthEvent event);

  Optional<AuthEvent> find(String poolId, String sub, String eventId);

  /** The user's events, newest first; {@code nextToken} from the previous page or null. */
  Page<AuthEvent> listOf(String poolId, String sub, int limit, String nextToken);

  /**
   * Writes {@code after} if {@code before} is still what is stored; otherwise {@link
   * StaleWriteException}. The event keeps its expiry.
   */
  AuthEvent update(AuthEvent before, AuthEvent after);
}
