package dev.userpool.store;

import dev.userpool.domain.UniqueKey;
import dev.userpool.domain.User;
import java.util.Set;

/**
 * A change of a user that another store writes in the same atomic batch as its own item,
 * conditional on the user's version like {@link UserStore#update} (keys unchanged).
 */
public record UserWrite(User before, User after, Set<UniqueKey> keys) {}
